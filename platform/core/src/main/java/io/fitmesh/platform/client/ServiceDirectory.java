package io.fitmesh.platform.client;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.auth.ServiceTokenForwarding;
import io.fitmesh.platform.auth.ServiceTokens;
import io.fitmesh.platform.config.PlatformConfig;
import io.grpc.stub.AbstractStub;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where each deployable answers: registered by the node that started it in this JVM, else
 * FITMESH_&lt;NAME&gt;_ADDRESS, else 127.0.0.1 on the default port of the deployable hosting it by default. Stubs
 * are made on first use, so a service can be wired before the one it calls has started.
 */
public final class ServiceDirectory {
  private final Map<String, String> configured;
  private final Map<String, String> registered = new ConcurrentHashMap<>();
  private final GrpcChannels channels;
  private final ServiceTokens tokens;

  public ServiceDirectory(Map<String, String> configured, GrpcChannels channels, ServiceTokens tokens) {
    this.configured = Map.copyOf(configured);
    this.channels = requireNonNull(channels, "channels");
    this.tokens = requireNonNull(tokens, "tokens");
  }

  /** Records where a deployable of this process listens. */
  public void register(String name, String hostPort) {
    registered.put(requireNonNull(name, "name"), requireNonNull(hostPort, "hostPort"));
  }

  public String addressOf(String name) {
    String address = registered.get(name);
    if (address != null) {
      return address;
    }
    return configured.getOrDefault(name, "127.0.0.1:" + PlatformConfig.defaultPort(PlatformConfig.defaultHost(name)));
  }

  /**
   * A stub for the named deployable, made on first {@code get()} and reused after. Calls made inside an
   * authenticated call carry a service token for that deployable on behalf of the caller.
   */
  public <T extends AbstractStub<T>> Supplier<T> stub(String name, Class<T> stubType) {
    return lazily(() -> channels.stub(addressOf(name), stubType, new ServiceTokenForwarding(tokens, name)));
  }

  /** A stub without call timeout for long server streams (watches), made on first {@code get()}. */
  public <T extends AbstractStub<T>> Supplier<T> streamingStub(String name, Class<T> stubType) {
    return lazily(() -> channels.streamingStub(addressOf(name), stubType, new ServiceTokenForwarding(tokens, name)));
  }

  private static <T> Supplier<T> lazily(Supplier<T> make) {
    return new Supplier<>() {
      private volatile T stub;

      @Override
      public T get() {
        T current = stub;
        if (current == null) {
          current = make.get();
          stub = current;
        }
        return current;
      }
    };
  }
}

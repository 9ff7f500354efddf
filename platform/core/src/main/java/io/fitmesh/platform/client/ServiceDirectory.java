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
 * are made on first use and again when the address changes, so a service can be wired (and consume events)
 * before the one it calls has started.
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
    return byAddress(name, address -> channels.stub(address, stubType, new ServiceTokenForwarding(tokens, name)));
  }

  /** A stub without call timeout for long server streams (watches), made on first {@code get()}. */
  public <T extends AbstractStub<T>> Supplier<T> streamingStub(String name, Class<T> stubType) {
    return byAddress(name, address -> channels.streamingStub(address, stubType,
        new ServiceTokenForwarding(tokens, name)));
  }

  /**
   * A stub for the deployable's address as it is now, made again when the address changes: an event consumer may
   * call before the deployable it calls has registered where it listens.
   */
  private <T> Supplier<T> byAddress(String name, java.util.function.Function<String, T> make) {
    return new Supplier<>() {
      private volatile Map.Entry<String, T> current;

      @Override
      public T get() {
        String address = addressOf(name);
        Map.Entry<String, T> stub = current;
        if (stub == null || !stub.getKey().equals(address)) {
          stub = Map.entry(address, make.apply(address));
          current = stub;
        }
        return stub.getValue();
      }
    };
  }
}

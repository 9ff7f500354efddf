package io.fitmesh.platform.client;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.auth.ServiceTokenForwarding;
import io.fitmesh.platform.auth.ServiceTokens;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.grpc.stub.AbstractStub;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * Where each deployable answers: registered by the node that started it in this JVM, else
 * FITMESH_&lt;NAME&gt;_ADDRESS, else (embedded and local only) 127.0.0.1 on the default port of the deployable
 * hosting it by default. Stubs are made on first use and again when the address changes, so a service can be wired
 * (and consume events) before the one it calls has started. It remembers which deployables were asked for, so a
 * cluster process can refuse to start without their addresses ({@link #requireAddresses}).
 */
public final class ServiceDirectory {
  private final Map<String, String> configured;
  private final boolean explicitOnly;
  private final Map<String, String> registered = new ConcurrentHashMap<>();
  private final Set<String> wanted = ConcurrentHashMap.newKeySet();
  private final GrpcChannels channels;
  private final ServiceTokens tokens;

  /** {@code explicitOnly}: a cluster, where no address is guessed. */
  public ServiceDirectory(Map<String, String> configured, boolean explicitOnly, GrpcChannels channels,
      ServiceTokens tokens) {
    this.configured = Map.copyOf(configured);
    this.explicitOnly = explicitOnly;
    this.channels = requireNonNull(channels, "channels");
    this.tokens = requireNonNull(tokens, "tokens");
  }

  /**
   * Refuses a cluster process that calls a deployable it neither hosts nor has an address for: the message names
   * each missing FITMESH_&lt;NAME&gt;_ADDRESS. Nothing to check in embedded and local mode.
   *
   * @throws ConfigException naming the settings to set
   */
  public void requireAddresses(String process, Collection<String> hosted) {
    if (!explicitOnly) {
      return;
    }
    List<String> missing = wanted.stream()
        .filter(name -> !hosted.contains(name) && !configured.containsKey(name) && !registered.containsKey(name))
        .sorted().toList();
    if (!missing.isEmpty()) {
      throw new ConfigException(missing.stream()
          .map(name -> "FITMESH_" + name.toUpperCase(Locale.ROOT) + "_ADDRESS")
          .collect(Collectors.joining(", ")) + (missing.size() == 1 ? " is" : " are")
          + " not set: required with FITMESH_BACKENDS=cluster, where " + process + " calls "
          + String.join(", ", missing) + " (host:port of each)");
    }
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
    address = configured.get(name);
    if (address != null) {
      return address;
    }
    if (explicitOnly) {
      throw new ConfigException("FITMESH_" + name.toUpperCase(Locale.ROOT) + "_ADDRESS is not set: required with "
          + "FITMESH_BACKENDS=cluster");
    }
    return "127.0.0.1:" + PlatformConfig.defaultPort(PlatformConfig.defaultHost(name));
  }

  /**
   * A stub for the named deployable, made on first {@code get()} and reused after. Calls made inside an
   * authenticated call carry a service token for that deployable on behalf of the caller.
   */
  public <T extends AbstractStub<T>> Supplier<T> stub(String name, Class<T> stubType) {
    wanted.add(name);
    return byAddress(name, address -> channels.stub(address, stubType, new ServiceTokenForwarding(tokens, name)));
  }

  /** A stub without call timeout for long server streams (watches), made on first {@code get()}. */
  public <T extends AbstractStub<T>> Supplier<T> streamingStub(String name, Class<T> stubType) {
    wanted.add(name);
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

package io.fitmesh.platform.server;

import static java.util.Objects.requireNonNull;

import io.grpc.BindableService;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several deployables served by one server under the first one's name (the social deployable hosts group and
 * notification by default): their gRPC services, public methods and request limits together; closed in reverse
 * order. Each part stays a deployable of its own that can also run alone.
 */
public final class CombinedService implements FitmeshService {
  private final List<FitmeshService> parts;

  public CombinedService(List<FitmeshService> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a combined service needs at least one part");
    }
    this.parts = List.copyOf(requireNonNull(parts, "parts"));
  }

  /**
   * Starts the parts in order and combines them; when one fails to start, the ones already started are closed and
   * the failure is thrown.
   */
  public static FitmeshService start(PlatformRuntime runtime,
      List<java.util.function.Function<PlatformRuntime, FitmeshService>> parts) {
    List<FitmeshService> started = new ArrayList<>();
    try {
      parts.forEach(part -> started.add(part.apply(runtime)));
    } catch (RuntimeException e) {
      started.forEach(FitmeshService::close);
      throw e;
    }
    return new CombinedService(started);
  }

  @Override
  public String name() {
    return parts.get(0).name();
  }

  @Override
  public List<String> hostedNames() {
    List<String> names = new ArrayList<>();
    parts.forEach(p -> names.addAll(p.hostedNames()));
    return names;
  }

  @Override
  public List<BindableService> grpcServices() {
    List<BindableService> all = new ArrayList<>();
    parts.forEach(p -> all.addAll(p.grpcServices()));
    return all;
  }

  @Override
  public Set<String> publicMethods() {
    Set<String> all = new HashSet<>();
    parts.forEach(p -> all.addAll(p.publicMethods()));
    return all;
  }

  @Override
  public Map<String, Long> requestLimits() {
    Map<String, Long> all = new HashMap<>();
    parts.forEach(p -> all.putAll(p.requestLimits()));
    return all;
  }

  @Override
  public void close() {
    for (int i = parts.size() - 1; i >= 0; i--) {
      parts.get(i).close();
    }
  }
}

package io.fitmesh.mesh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.grpc_web.v3.GrpcWeb;
import io.envoyproxy.envoy.extensions.filters.http.header_mutation.v3.HeaderMutation;
import io.envoyproxy.envoy.extensions.filters.http.health_check.v3.HealthCheck;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads Envoy configs the way Envoy would, as far as the protos go: YAML to JSON, then strict JsonFormat into
 * {@link Bootstrap} with every typed_config type registered, so an unknown or misspelt field fails.
 */
public final class EnvoyConfigs {
  private static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
      .add(HttpConnectionManager.getDescriptor())
      .add(Router.getDescriptor())
      .add(GrpcWeb.getDescriptor())
      .add(Cors.getDescriptor())
      .add(HttpProtocolOptions.getDescriptor())
      .add(DownstreamTlsContext.getDescriptor())
      .add(UpstreamTlsContext.getDescriptor())
      .add(RBAC.getDescriptor())
      .add(JwtAuthentication.getDescriptor())
      .add(LocalRateLimit.getDescriptor())
      .add(HeaderMutation.getDescriptor())
      .add(HealthCheck.getDescriptor())
      .build();

  private EnvoyConfigs() {}

  public static Bootstrap parse(String yaml) throws IOException {
    Object tree = new ObjectMapper(new YAMLFactory()).readValue(yaml, Object.class);
    String json = new ObjectMapper().writeValueAsString(tree);
    Bootstrap.Builder bootstrap = Bootstrap.newBuilder();
    JsonFormat.parser().usingTypeRegistry(TYPES).merge(json, bootstrap);
    return bootstrap.build();
  }

  /** The connection managers of every listener, unpacked. */
  public static List<HttpConnectionManager> connectionManagers(Bootstrap bootstrap)
      throws InvalidProtocolBufferException {
    List<HttpConnectionManager> managers = new ArrayList<>();
    for (Listener listener : bootstrap.getStaticResources().getListenersList()) {
      for (FilterChain chain : listener.getFilterChainsList()) {
        for (Filter filter : chain.getFiltersList()) {
          Any config = filter.getTypedConfig();
          if (config.is(HttpConnectionManager.class)) {
            managers.add(config.unpack(HttpConnectionManager.class));
          }
        }
      }
    }
    return managers;
  }

  public static List<Route> routes(Bootstrap bootstrap) throws InvalidProtocolBufferException {
    List<Route> routes = new ArrayList<>();
    for (HttpConnectionManager hcm : connectionManagers(bootstrap)) {
      for (VirtualHost host : hcm.getRouteConfig().getVirtualHostsList()) {
        routes.addAll(host.getRoutesList());
      }
    }
    return routes;
  }

  public static Listener listener(Bootstrap bootstrap, String name) {
    return bootstrap.getStaticResources().getListenersList().stream()
        .filter(listener -> listener.getName().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no listener " + name));
  }

  public static Cluster cluster(Bootstrap bootstrap, String name) {
    return bootstrap.getStaticResources().getClustersList().stream()
        .filter(cluster -> cluster.getName().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no cluster " + name));
  }

  /** The connection manager of a listener's first filter chain. */
  public static HttpConnectionManager connectionManager(Listener listener) throws InvalidProtocolBufferException {
    return listener.getFilterChains(0).getFilters(0).getTypedConfig().unpack(HttpConnectionManager.class);
  }

  /** The typed configs of a connection manager's HTTP filters of one type, in filter order. */
  public static <T extends com.google.protobuf.Message> List<T> httpFilters(HttpConnectionManager hcm, Class<T> type)
      throws InvalidProtocolBufferException {
    List<T> filters = new ArrayList<>();
    for (var filter : hcm.getHttpFiltersList()) {
      if (filter.getTypedConfig().is(type)) {
        filters.add(filter.getTypedConfig().unpack(type));
      }
    }
    return filters;
  }

  public static Set<String> clusterNames(Bootstrap bootstrap) {
    return bootstrap.getStaticResources().getClustersList().stream()
        .map(Cluster::getName)
        .collect(Collectors.toSet());
  }
}

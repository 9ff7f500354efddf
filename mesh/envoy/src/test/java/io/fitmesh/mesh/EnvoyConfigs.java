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
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads Envoy configs the way Envoy would, as far as the protos go: YAML to JSON, then strict JsonFormat into
 * {@link Bootstrap} with every typed_config type registered, so an unknown or misspelt field fails.
 */
final class EnvoyConfigs {
  static final Path DIR = Path.of("config");

  private static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
      .add(HttpConnectionManager.getDescriptor())
      .add(Router.getDescriptor())
      .add(GrpcWeb.getDescriptor())
      .add(Cors.getDescriptor())
      .add(HttpProtocolOptions.getDescriptor())
      .build();

  private EnvoyConfigs() {}

  static String read(String file) throws IOException {
    return Files.readString(DIR.resolve(file));
  }

  static Bootstrap parse(String yaml) throws IOException {
    Object tree = new ObjectMapper(new YAMLFactory()).readValue(yaml, Object.class);
    String json = new ObjectMapper().writeValueAsString(tree);
    Bootstrap.Builder bootstrap = Bootstrap.newBuilder();
    JsonFormat.parser().usingTypeRegistry(TYPES).merge(json, bootstrap);
    return bootstrap.build();
  }

  /** The connection managers of every listener, unpacked. */
  static List<HttpConnectionManager> connectionManagers(Bootstrap bootstrap)
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

  static List<Route> routes(Bootstrap bootstrap) throws InvalidProtocolBufferException {
    List<Route> routes = new ArrayList<>();
    for (HttpConnectionManager hcm : connectionManagers(bootstrap)) {
      for (VirtualHost host : hcm.getRouteConfig().getVirtualHostsList()) {
        routes.addAll(host.getRoutesList());
      }
    }
    return routes;
  }

  static Set<String> clusterNames(Bootstrap bootstrap) {
    return bootstrap.getStaticResources().getClustersList().stream()
        .map(Cluster::getName)
        .collect(Collectors.toSet());
  }

  /** The sidecar template rendered for one service. */
  static String sidecarFor(String service, int port) throws IOException {
    return read("sidecar.yaml.tmpl")
        .replace("{{SERVICE_NAME}}", service)
        .replace("{{SERVICE_PORT}}", Integer.toString(port));
  }
}

package io.fitmesh.commerce.partner;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.server.Server;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A partner's catalogue for development, tests and demos: an HTTP server on 127.0.0.1 that speaks the partner
 * contract (docs/commerce-partner-api.yaml) for the regions of {@link #REGIONS}, at
 * {@code POST /<region in lower case>/v1/availability}, from the data files under {@code catalogue/} on the class
 * path. Its {@link #faults()} make it slow, failing or garbled while it runs. Bodies over 64 KB are refused (413).
 */
public final class ReferenceCatalogue implements AutoCloseable {
  /** The regions it sells in, ISO 3166-1 alpha-2. */
  public static final List<String> REGIONS = List.of("DE", "GB", "JP", "US");
  /** The port it listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 9190;

  private static final long MAX_QUESTION_BYTES = 64 * 1024;
  private static final String HOST = "127.0.0.1";

  private final Faults faults;
  private final AvailabilityEndpoint endpoint;
  private Server server;

  /** Without faults. */
  public ReferenceCatalogue() {
    this(FaultPlan.NONE);
  }

  /** With {@code atStart}'s faults from the first question. */
  public ReferenceCatalogue(FaultPlan atStart) {
    this.faults = new Faults(requireNonNull(atStart, "atStart"));
    ObjectMapper json = new ObjectMapper();
    Map<String, RegionStock> stock = new LinkedHashMap<>();
    REGIONS.forEach(region -> stock.put(region, RegionStock.load(json, region)));
    this.endpoint = new AvailabilityEndpoint(stock, faults);
  }

  /** Starts listening on 127.0.0.1; {@code port} 0 picks a free one. Returns the port bound. */
  public synchronized int start(int port) {
    if (server != null) {
      throw new IllegalStateException("already started on port " + server.activeLocalPort());
    }
    Server started = Server.builder()
        .http(new InetSocketAddress(HOST, port))
        .maxRequestLength(MAX_QUESTION_BYTES)
        .requestTimeout(Duration.ofMinutes(1))
        .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO)
        .connectionDrainDuration(Duration.ZERO)
        .route().post("/{region}/v1/availability").build(endpoint)
        .build();
    started.start().join();
    server = started;
    return started.activeLocalPort();
  }

  public Faults faults() {
    return faults;
  }

  /** Questions received since creation, answered or not, in every region. */
  public long questionsReceived() {
    return endpoint.questions();
  }

  /** The base URL a client of {@code region} uses, e.g. http://127.0.0.1:9190/de. */
  public URI baseUrl(String region) {
    return URI.create("http://" + HOST + ":" + port() + "/" + region.toLowerCase(Locale.ROOT));
  }

  /** The base URL of every region, for a client of all of them. */
  public Map<String, URI> partners() {
    Map<String, URI> partners = new LinkedHashMap<>();
    REGIONS.forEach(region -> partners.put(region, baseUrl(region)));
    return Collections.unmodifiableMap(partners);
  }

  /** The FITMESH_COMMERCE_PARTNERS value naming this catalogue for every region: {@code DE=http://...,GB=...}. */
  public String partnersSetting() {
    StringBuilder setting = new StringBuilder();
    partners().forEach((region, url) -> setting.append(setting.isEmpty() ? "" : ",").append(region).append('=')
        .append(url));
    return setting.toString();
  }

  /** The port it listens on. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.activeLocalPort();
  }

  /**
   * Stops listening at once; questions in flight are dropped. Returns within about 2 s (Armeria stops the thread
   * accepting connections with Netty's quiet period). May be started again afterwards.
   */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop().join();
      server = null;
    }
  }
}

package io.fitmesh.app;

import io.fitmesh.commerce.partner.FaultPlan;
import io.fitmesh.commerce.partner.ReferenceCatalogue;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** fitmesh commerce serve: the reference partner catalogue, for demos, benches and a reco run on its own. */
@Command(
    name = "commerce",
    mixinStandardHelpOptions = true,
    description = "The commerce integration's reference partner (see docs/commerce-partner-api.yaml).",
    subcommands = {CommerceCommand.Serve.class})
final class CommerceCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /**
   * Starts the catalogue on {@code port} (0 picks one) and returns the FITMESH_COMMERCE_PARTNERS value naming it.
   * A port already taken is a {@link ConfigException} naming the setting.
   */
  static String serve(ReferenceCatalogue catalogue, int port) {
    try {
      catalogue.start(port);
    } catch (RuntimeException e) {
      throw new ConfigException("the reference catalogue cannot listen on 127.0.0.1:" + port
          + " (FITMESH_COMMERCE_CATALOGUE_PORT; or name partners with FITMESH_COMMERCE_PARTNERS)");
    }
    return catalogue.partnersSetting();
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = {
        "Serve the reference regional catalogues (DE, GB, JP, US: prices, stock) over HTTP/JSON on",
        "127.0.0.1 until Ctrl-C, optionally slow, failing or garbled, and print the questions answered every 5 s.",
        "Point a reco deployable at it with the FITMESH_COMMERCE_PARTNERS value it prints."
      })
  static final class Serve implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT",
        description = "Port (default: FITMESH_COMMERCE_CATALOGUE_PORT, else 9190; 0 picks a free one).")
    Integer port;

    @Option(names = "--latency", paramLabel = "DURATION", defaultValue = "0ms",
        description = "Delay before every answer, e.g. 20ms (default: ${DEFAULT-VALUE}).")
    String latency;

    @Option(names = "--fail-with", paramLabel = "STATUS", defaultValue = "0",
        description = "Answer every question with this HTTP status, e.g. 503 (default: none).")
    int failWith;

    @Option(names = "--malformed", description = "Answer with JSON that cannot be read.")
    boolean malformed;

    @Override
    public Integer call() throws Exception {
      ReferenceCatalogue catalogue;
      String partners;
      try {
        Settings settings = Settings.fromEnvironment().withOverrides(Map.of("FITMESH_CATALOGUE_LATENCY", latency));
        Duration delay = settings.durationInRange("FITMESH_CATALOGUE_LATENCY", Duration.ZERO, Duration.ZERO,
            Duration.ofMinutes(1));
        catalogue = new ReferenceCatalogue(new FaultPlan(delay, failWith, malformed, false));
        partners = serve(catalogue, port != null ? port
            : settings.port("FITMESH_COMMERCE_CATALOGUE_PORT", ReferenceCatalogue.DEFAULT_PORT));
      } catch (ConfigException | IllegalArgumentException e) {
        System.err.println("fitmesh commerce serve: " + e.getMessage().replace("FITMESH_CATALOGUE_LATENCY", "--latency"));
        return 2;
      }
      System.out.println("reference catalogue on http://127.0.0.1:" + catalogue.port() + "/<region>/v1/availability");
      System.out.println("  FITMESH_COMMERCE_PARTNERS=" + partners);
      System.out.println("Press Ctrl-C to stop.");
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        catalogue.close();
        stopped.countDown();
      }, "catalogue-shutdown"));
      long last = -1;
      while (!stopped.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
        long answered = catalogue.questionsReceived();
        if (answered != last) {
          System.out.printf("  %,d questions so far%n", answered);
          last = answered;
        }
      }
      return 0;
    }
  }
}

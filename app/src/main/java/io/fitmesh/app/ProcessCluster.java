package io.fitmesh.app;

import io.fitmesh.bff.BffMain;
import io.fitmesh.challenge.ChallengeMain;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.reco.RecoMain;
import io.fitmesh.social.SocialMain;
import io.fitmesh.telemetry.TelemetryMain;
import io.fitmesh.training.TrainingMain;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntBiFunction;
import java.util.stream.Collectors;

/**
 * Every deployable that runs in its own pod in a cluster (telemetry, training, social, challenge, reco, bff) as
 * its own JVM on this machine, each from its own main with its own port, the others' addresses in its settings
 * (several instances of one deployable are called in turn), logging to {@code <logs>/<name>-<n>.log}.
 */
final class ProcessCluster implements AutoCloseable {
  static final Map<String, Class<?>> MAINS = mains();

  /** Test ports: 20000 up to just under the ephemeral range, clear of the local servers' fixed ports. */
  static final int FIRST_TEST_PORT = 20_000;
  static final int TEST_PORTS = 12_000;

  /** One running JVM. */
  record Instance(String deployable, int number, int port, Process process, Path log) {
    String label() {
      return deployable + "#" + number;
    }

    String endpoint() {
      return "127.0.0.1:" + port;
    }

    String state() {
      return process.isAlive() ? "serving" : "exited " + process.exitValue();
    }
  }

  private final List<Instance> instances;

  private ProcessCluster(List<Instance> instances) {
    this.instances = instances;
  }

  /** Ports from the settings' FITMESH_&lt;NAME&gt;_PORT (or defaults), the n-th instance 100 above the first. */
  static ToIntBiFunction<String, Integer> portsFrom(PlatformConfig config) {
    return (deployable, number) -> config.port(deployable) + 100 * (number - 1);
  }

  /**
   * Free ports for tests, taken below the kernel's ephemeral range (Linux: 32768 and up). A port the OS hands
   * out for {@code bind(0)} is free only for a moment: the outgoing connections of the processes started
   * meanwhile (to Pulsar, CQL, Redis) take ephemeral ports too, and one took a port given to a later instance.
   */
  static ToIntBiFunction<String, Integer> anyFreePorts() {
    AtomicInteger next = new AtomicInteger(
        FIRST_TEST_PORT + ThreadLocalRandom.current().nextInt(TEST_PORTS - 1000));
    return (deployable, number) -> {
      for (int tried = 0; tried < TEST_PORTS; tried++) {
        int port = FIRST_TEST_PORT + Math.floorMod(next.getAndIncrement() - FIRST_TEST_PORT, TEST_PORTS);
        if (isFree(port)) {
          return port;
        }
      }
      throw new IllegalStateException("no free port in " + FIRST_TEST_PORT + ".." + (FIRST_TEST_PORT + TEST_PORTS));
    };
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /**
   * Starts every instance and waits until each says it is serving.
   *
   * @param settings  extra settings of every process, on top of this process's environment
   * @param instances how many instances of a deployable (default 1)
   * @throws IllegalStateException naming the instance and the end of its log when one exits or is not serving
   *     within {@code startTimeout} (each first instance, then the further ones together); the others are stopped
   */
  static ProcessCluster start(Backends backends, Map<String, String> settings, Map<String, Integer> instances,
      ToIntBiFunction<String, Integer> ports, Path logs, Duration startTimeout, PrintStream out) throws IOException {
    for (String name : instances.keySet()) {
      if (!MAINS.containsKey(name)) {
        throw new ConfigException("--instances: no deployable " + name + "; one of " + MAINS.keySet());
      }
    }
    Map<String, List<Integer>> portsOf = new LinkedHashMap<>();
    for (String deployable : MAINS.keySet()) {
      List<Integer> list = new ArrayList<>();
      for (int n = 1; n <= instances.getOrDefault(deployable, 1); n++) {
        list.add(ports.applyAsInt(deployable, n));
      }
      portsOf.put(deployable, list);
    }
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("FITMESH_BACKENDS", backends.name().toLowerCase(Locale.ROOT));
    for (String deployable : PlatformConfig.DEPLOYABLES) {
      environment.put(setting(deployable, "ADDRESS"), portsOf.get(PlatformConfig.defaultHost(deployable)).stream()
          .map(port -> "127.0.0.1:" + port).collect(Collectors.joining(",")));
    }
    Files.createDirectories(logs);
    List<Instance> started = new ArrayList<>();
    ProcessCluster cluster = new ProcessCluster(started);
    try {
      for (Map.Entry<String, List<Integer>> deployable : portsOf.entrySet()) {
        Instance first = launch(deployable.getKey(), 1, deployable.getValue().get(0), environment, logs);
        started.add(first);
        awaitServing(first, Instant.now().plus(startTimeout), out);
      }
      List<Instance> more = new ArrayList<>();
      for (Map.Entry<String, List<Integer>> deployable : portsOf.entrySet()) {
        for (int n = 2; n <= deployable.getValue().size(); n++) {
          Instance instance = launch(deployable.getKey(), n, deployable.getValue().get(n - 1), environment, logs);
          started.add(instance);
          more.add(instance);
        }
      }
      Instant deadline = Instant.now().plus(startTimeout);
      for (Instance instance : more) {
        awaitServing(instance, deadline, out);
      }
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private static Instance launch(String deployable, int number, int port, Map<String, String> environment,
      Path logs) throws IOException {
    Path log = logs.resolve(deployable + "-" + number + ".log");
    ProcessBuilder builder = new ProcessBuilder(javaCommand(MAINS.get(deployable)))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put(setting(deployable, "PORT"), Integer.toString(port));
    return new Instance(deployable, number, port, builder.start(), log);
  }

  List<Instance> instances() {
    return List.copyOf(instances);
  }

  /** host:port of the first instance of a deployable (or of the one hosting it). */
  String endpoint(String deployable) {
    String host = PlatformConfig.defaultHost(deployable);
    return instances.stream().filter(i -> i.deployable().equals(host)).map(Instance::endpoint)
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no deployable " + deployable));
  }

  /** Stops every instance as Kubernetes would: SIGTERM (each drains), then SIGKILL after 30 s. */
  @Override
  public void close() {
    instances.forEach(instance -> instance.process().destroy());
    for (Instance instance : instances) {
      try {
        if (!instance.process().waitFor(30, TimeUnit.SECONDS)) {
          instance.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        instance.process().destroyForcibly();
      }
    }
  }

  /**
   * The first instance of each deployable starts alone (it applies its CQL schema: deployables starting together
   * would change the schema at once, and Cassandra times out); further instances, whose schema is in place, start
   * together after them all.
   */
  private static void awaitServing(Instance instance, Instant deadline, PrintStream out) throws IOException {
    Instant nextReport = Instant.now().plusSeconds(5);
    while (true) {
      String log = Files.readString(instance.log());
      if (log.contains(" serving on ")) {
        out.printf("  %-12s serving on %s (pid %d)%n", instance.label(), instance.endpoint(), instance.process().pid());
        return;
      }
      if (!instance.process().isAlive()) {
        throw new IllegalStateException(instance.label() + " exited with " + instance.process().exitValue()
            + " while starting; the end of " + instance.log() + ":\n" + tail(log));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(instance.label() + " is not serving after the start timeout; the end of "
            + instance.log() + ":\n" + tail(log));
      }
      if (Instant.now().isAfter(nextReport)) {
        out.printf("  %-12s starting (pid %d, log %s)%n", instance.label(), instance.process().pid(), instance.log());
        nextReport = Instant.now().plusSeconds(5);
      }
      sleep(Duration.ofMillis(200));
    }
  }

  private static List<String> javaCommand(Class<?> main) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    return command;
  }

  private static String setting(String deployable, String what) {
    return "FITMESH_" + deployable.toUpperCase(Locale.ROOT) + "_" + what;
  }

  private static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the processes", e);
    }
  }

  private static Map<String, Class<?>> mains() {
    Map<String, Class<?>> mains = new LinkedHashMap<>();
    mains.put("telemetry", TelemetryMain.class);
    mains.put("training", TrainingMain.class);
    mains.put("social", SocialMain.class);
    mains.put("challenge", ChallengeMain.class);
    mains.put("reco", RecoMain.class);
    mains.put("bff", BffMain.class);
    return Collections.unmodifiableMap(mains);
  }
}

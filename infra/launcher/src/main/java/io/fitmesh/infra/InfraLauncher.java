package io.fitmesh.infra;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts, checks and stops the real servers FitMesh's local mode and integration tests use: Pulsar standalone,
 * Cassandra (CQL) and Redis, each its own process on 127.0.0.1 with data, config, log and pid file under
 * {@code <runDir>/<name>/}. Servers outlive the JVM that started them until {@link #down} stops them by pid.
 * Every {@link #up} starts from empty data. A server already answering on its port is used as it is.
 */
public final class InfraLauncher {
  /** Every server, in start order. */
  public static final List<String> ALL = List.of("pulsar", "cql", "redis");

  private final Path repoRoot;
  private final Path runDir;
  private final PrintStream out;

  public InfraLauncher(Path repoRoot, Path runDir, PrintStream out) {
    this.repoRoot = requireNonNull(repoRoot, "repoRoot");
    this.runDir = requireNonNull(runDir, "runDir");
    this.out = requireNonNull(out, "out");
  }

  /** The launcher for the checkout containing the working directory (or FITMESH_HOME), run dir .run/infra. */
  public static InfraLauncher forCheckout(PrintStream out) {
    Path root = findRepoRoot();
    return new InfraLauncher(root, root.resolve(".run/infra"), out);
  }

  /** Starts the named servers that are not running, from empty data, and waits until all answer. */
  public void up(List<String> names) throws IOException, InterruptedException {
    startMissing(names, false);
  }

  /**
   * Starts the named servers that are not running on the data they had when {@link #down} stopped them (a
   * broker outage and its recovery, for tests); a server with no data yet starts empty.
   */
  public void resume(List<String> names) throws IOException, InterruptedException {
    startMissing(names, true);
  }

  private void startMissing(List<String> names, boolean keepData) throws IOException, InterruptedException {
    try (FileLock ignored = lock()) {
      List<Started> starting = new ArrayList<>();
      for (String name : names) {
        ManagedServer server = server(name);
        if (server.isReady()) {
          out.printf("%-7s already running at %s%n", name, server.address());
          continue;
        }
        boolean fresh = !keepData || !Files.isDirectory(runDir.resolve(name));
        starting.add(start(server, fresh));
      }
      for (Started s : starting) {
        awaitReady(s, starting);
      }
    }
  }

  /**
   * Stops the named servers this launcher started, keeping their data (the next {@link #up} empties it,
   * {@link #resume} carries on with it); servers it did not start are left alone.
   */
  public void down(List<String> names) throws IOException {
    try (FileLock ignored = lock()) {
      for (String name : names) {
        Optional<ProcessHandle> process = pidOf(name);
        if (process.isEmpty()) {
          out.printf("%-7s not running (no live pid file)%n", name);
          continue;
        }
        stop(name, process.get());
      }
    }
  }

  /** One line per server: its address and whether it answers. */
  public List<String> status(List<String> names) {
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      ManagedServer server = server(name);
      String state = server.isReady() ? "ready" : pidOf(name).isPresent() ? "starting" : "stopped";
      String pid = pidOf(name).map(p -> " pid " + p.pid()).orElse("");
      lines.add(String.format("%-7s %-8s %s%s", name, state, server.address(), pid));
    }
    return lines;
  }

  /** The named servers this launcher started that are still running, by name (in the order asked). */
  public Map<String, ProcessHandle> running(List<String> names) {
    Map<String, ProcessHandle> running = new LinkedHashMap<>();
    for (String name : names) {
      pidOf(name).ifPresent(process -> running.put(name, process));
    }
    return running;
  }

  private Started start(ManagedServer server, boolean fresh) throws IOException {
    Path dir = runDir.resolve(server.name());
    if (fresh) {
      deleteTree(dir);
    }
    Files.createDirectories(dir);
    List<String> command = server.prepare(dir, repoRoot, fresh);
    Path log = dir.resolve(fresh ? "server.log" : "server-restarted.log");
    Process process = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
    Files.writeString(dir.resolve("pid"), Long.toString(process.pid()));
    out.printf("%-7s starting (pid %d, log %s)%n", server.name(), process.pid(), log);
    return new Started(server, process, log, System.nanoTime());
  }

  private void awaitReady(Started s, List<Started> all) throws IOException, InterruptedException {
    long deadline = s.startedAt() + s.server().startTimeoutSeconds() * 1_000_000_000L;
    long nextReport = System.nanoTime() + 15_000_000_000L;
    while (!s.server().isReady()) {
      if (!s.process().isAlive()) {
        fail(s, all, "exited with code " + s.process().exitValue());
      }
      if (System.nanoTime() > deadline) {
        fail(s, all, "did not answer within " + s.server().startTimeoutSeconds() + " s");
      }
      if (System.nanoTime() > nextReport) {
        out.printf("%-7s still starting (%d s)...%n", s.server().name(), elapsedSeconds(s));
        nextReport = System.nanoTime() + 15_000_000_000L;
      }
      Thread.sleep(250);
    }
    out.printf("%-7s ready at %s after %d s%n", s.server().name(), s.server().address(), elapsedSeconds(s));
  }

  private void fail(Started failed, List<Started> all, String why) throws IOException {
    out.printf("%-7s %s; last lines of %s:%n", failed.server().name(), why, failed.log());
    try (Stream<String> lines = Files.lines(failed.log())) {
      List<String> tail = lines.toList();
      tail.subList(Math.max(0, tail.size() - 40), tail.size()).forEach(l -> out.println("  | " + l));
    }
    for (Started s : all) {
      stop(s.server().name(), s.process().toHandle());
    }
    throw new IOException(failed.server().name() + " " + why + " (see " + failed.log() + ")");
  }

  private void stop(String name, ProcessHandle process) throws IOException {
    process.destroy();
    try {
      process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
    }
    Files.deleteIfExists(runDir.resolve(name).resolve("pid"));
    out.printf("%-7s stopped (pid %d)%n", name, process.pid());
  }

  private Optional<ProcessHandle> pidOf(String name) {
    Path pidFile = runDir.resolve(name).resolve("pid");
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private FileLock lock() throws IOException {
    Files.createDirectories(runDir);
    FileChannel channel = FileChannel.open(runDir.resolve(".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return channel.lock();
  }

  static ManagedServer server(String name) {
    return switch (name) {
      case "pulsar" -> new PulsarStandalone();
      case "cql" -> new CassandraServer();
      case "redis" -> new RedisServer();
      default -> throw new IllegalArgumentException("unknown server " + name + "; known: " + ALL);
    };
  }

  /** FITMESH_HOME, or the nearest directory above the working directory holding infra/launcher/pom.xml. */
  public static Path findRepoRoot() {
    String home = System.getenv("FITMESH_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home).toAbsolutePath();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("infra/launcher/pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "not inside a FitMesh checkout: run from the repository or set FITMESH_HOME to it");
  }

  private static long elapsedSeconds(Started s) {
    return (System.nanoTime() - s.startedAt()) / 1_000_000_000L;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private record Started(ManagedServer server, Process process, Path log, long startedAt) {}
}

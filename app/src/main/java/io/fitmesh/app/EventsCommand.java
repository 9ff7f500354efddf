package io.fitmesh.app;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.events.DeadLetter;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.EventTracing;
import io.fitmesh.platform.events.PulsarEventBus;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** fitmesh events dead-letters list|replay: the events consumers gave up on, seen and sent again. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "Work on the domain events in Pulsar (local or cluster backends).",
    subcommands = {EventsCommand.DeadLetters.class})
final class EventsCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "dead-letters", mixinStandardHelpOptions = true,
      description = {
        "Events a consumer failed on every attempt (topic <topic>-<subscription>-DLQ). They are kept until",
        "replayed; a replay publishes them to their topic again with their event ids, which every",
        "subscription of the topic sees (consumers are idempotent), once the cause is fixed."
      },
      subcommands = {ListLetters.class, ReplayLetters.class})
  static final class DeadLetters implements Runnable {
    @Override
    public void run() {
      new picocli.CommandLine(this).usage(System.out);
    }
  }

  /** Which dead letters a command works on, and where the broker is. */
  static final class Selection {
    @Option(names = "--topic", paramLabel = "TOPIC", description = "Only events of this topic, e.g. training.completed.")
    String topic;

    @Option(names = "--subscription", paramLabel = "NAME", description = "Only events this subscription failed on.")
    String subscription;

    @Option(names = "--event-id", paramLabel = "ID", description = "Only this event (repeatable).")
    List<String> eventIds = List.of();

    @Option(names = "--backends", paramLabel = "KIND", defaultValue = "local",
        description = "local (this machine's servers; default) or cluster (FITMESH_* addresses).")
    Backends backends;

    boolean narrowed() {
      return topic != null || subscription != null || !eventIds.isEmpty();
    }

    Predicate<DeadLetter> filter() {
      return letter -> (topic == null || letter.topic().equals(topic))
          && (subscription == null || letter.subscription().equals(subscription))
          && (eventIds.isEmpty() || eventIds.contains(letter.eventId()));
    }

    /** Runs {@code work} on the configured broker; the exit code. */
    int run(String command, Work work) {
      if (backends == Backends.EMBEDDED) {
        System.err.println(command + ": embedded events live inside 'fitmesh run' only");
        return 2;
      }
      try {
        PlatformConfig config = PlatformConfig.from(Settings.fromEnvironment(), backends);
        System.out.printf("reading the dead letters at %s ...%n", config.pulsar().serviceUrl());
        try (EventBus bus = PulsarEventBus.connect(config.pulsar().serviceUrl(), config.callTimeout(),
            new EventTracing(OpenTelemetry.noop(), "pulsar"), Clock.systemUTC())) {
          return work.run(bus);
        }
      } catch (ConfigException | BackendUnreachableException | DomainException e) {
        System.err.println(command + ": " + e.getMessage());
        return 1;
      }
    }

    interface Work {
      int run(EventBus bus);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Show dead letters, oldest first per topic, without removing them.")
  static final class ListLetters implements Callable<Integer> {
    @Mixin
    Selection selection;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
        description = "Show at most N (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      if (limit < 1) {
        System.err.println("fitmesh events dead-letters list: --limit must be at least 1");
        return 2;
      }
      return selection.run("fitmesh events dead-letters list", bus -> {
        List<DeadLetter> letters = bus.deadLetters(selection.filter(), limit);
        System.out.printf("%-36s  %-24s  %-20s  %-24s  %-24s  %s%n",
            "EVENT ID", "OCCURRED AT", "TOPIC", "SUBSCRIPTION", "KEY", "TYPE");
        letters.forEach(l -> System.out.printf("%-36s  %-24s  %-20s  %-24s  %-24s  %s%n",
            l.eventId(), l.occurredAt(), l.topic(), l.subscription(), l.key(), l.payloadType()));
        System.out.printf("%d dead letter(s)%s%n", letters.size(), letters.size() == limit ? " (limit reached)" : "");
        return 0;
      });
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = {
        "Publish dead letters to their topic again and remove them from the dead letters.",
        "Name what to replay with --topic, --subscription or --event-id, or say --all."
      })
  static final class ReplayLetters implements Callable<Integer> {
    @Mixin
    Selection selection;

    @Option(names = "--all", description = "Replay every dead letter.")
    boolean all;

    @Override
    public Integer call() {
      if (all == selection.narrowed()) {
        System.err.println("fitmesh events dead-letters replay: give --topic, --subscription or --event-id, or --all"
            + " (not both)");
        return 2;
      }
      return selection.run("fitmesh events dead-letters replay", bus -> {
        Progress progress = new Progress();
        int replayed = bus.replayDeadLetters(selection.filter(), progress::replayed);
        System.out.printf("replayed %d dead letter(s) in %d ms%n", replayed, progress.elapsedMillis());
        return 0;
      });
    }
  }

  /** One line per replayed event, and a rate line every 2 seconds. */
  static final class Progress {
    private final long started = System.nanoTime();
    private long lastReport = started;
    private int count;

    void replayed(DeadLetter letter) {
      count++;
      System.out.printf("replayed %s (%s, %s)%n", letter.eventId(), letter.topic(), letter.subscription());
      long now = System.nanoTime();
      if (now - lastReport >= 2_000_000_000L) {
        lastReport = now;
        System.out.printf("  %d replayed, %.0f/s%n", count, count / ((now - started) / 1e9));
      }
    }

    long elapsedMillis() {
      return (System.nanoTime() - started) / 1_000_000;
    }
  }
}

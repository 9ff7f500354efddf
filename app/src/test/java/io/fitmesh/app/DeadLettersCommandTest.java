package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.StringValue;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.EventTracing;
import io.fitmesh.platform.events.PulsarEventBus;
import io.fitmesh.platform.events.SubscriptionSpec;
import io.fitmesh.testkit.RealInfra;
import io.opentelemetry.api.OpenTelemetry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An operator lists the events a consumer gave up on and, once the bug is fixed, replays them (real Pulsar). */
@ExtendWith(RealInfra.class)
class DeadLettersCommandTest {

  @Test
  void deadLetters_areListedByTheCommand_andReplayedToTheFixedConsumerOnce() throws Exception {
    String topic = "dlq-command-" + UUID.randomUUID();
    PlatformConfig config = RealInfra.config();
    AtomicBoolean broken = new AtomicBoolean(true);
    List<String> handled = new CopyOnWriteArrayList<>();
    try (EventBus bus = PulsarEventBus.connect(config.pulsar().serviceUrl(), Duration.ofSeconds(10),
        new EventTracing(OpenTelemetry.noop(), "pulsar"), Clock.systemUTC())) {
      EventSubscription consumer = bus.subscribe(new SubscriptionSpec(topic, "stats", 2, Duration.ofMillis(200)), e -> {
        if (broken.get()) {
          throw new IllegalStateException("a bug in the consumer");
        }
        handled.add(e.eventId());
      });
      String eventId = bus.publish(topic, "athlete-9", StringValue.of("lost?")).get();
      await().atMost(Duration.ofSeconds(60))
          .until(() -> !bus.deadLetters(l -> l.topic().equals(topic), 1).isEmpty());

      Run list = fitmesh("events", "dead-letters", "list", "--topic", topic);
      assertThat(list.exit()).isZero();
      assertThat(list.out()).contains(eventId, "stats", "athlete-9", "google.protobuf.StringValue", "1 dead letter(s)");

      assertThat(fitmesh("events", "dead-letters", "replay").exit()).as("nothing named, no --all").isEqualTo(2);

      broken.set(false);
      Run replay = fitmesh("events", "dead-letters", "replay", "--topic", topic);
      assertThat(replay.exit()).isZero();
      assertThat(replay.out()).contains("replayed " + eventId, "replayed 1 dead letter(s)");
      await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains(eventId));

      assertThat(fitmesh("events", "dead-letters", "list", "--topic", topic).out()).contains("0 dead letter(s)");
      assertThat(handled).containsExactly(eventId);
      consumer.close();
    }
  }

  private record Run(int exit, String out) {}

  private static Run fitmesh(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int exit = FitmeshCli.commandLine().execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }
}

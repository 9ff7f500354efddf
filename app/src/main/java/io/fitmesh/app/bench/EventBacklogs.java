package io.fitmesh.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.fitmesh.infra.LocalPorts;
import io.fitmesh.platform.events.PulsarEventBus;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Waits until the local Pulsar (namespace public/default) has stopped taking events and its durable subscriptions
 * have worked through their backlogs, so that the next phase measures its own calls and not the machine catching up
 * on the events of the phase before: 30,000 joins leave 30,000 challenge.joined events for the outbox relay to
 * publish and for training's analytics to apply (two CQL writes each). Dead-letter subscriptions are left out
 * (nobody drains them). It can also skip a subscription's backlog.
 */
final class EventBacklogs {
  private static final String NAMESPACE = "http://127.0.0.1:" + LocalPorts.PULSAR_HTTP
      + "/admin/v2/persistent/public/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebClient admin = WebClient.of();
  private final PrintStream out;

  EventBacklogs(PrintStream out) {
    this.out = out;
  }

  /**
   * Waits up to {@code patience}, printing progress, until nothing moves any more: three looks a second apart find
   * the same number of events published and waiting (waiting: zero once everything is worked through, though Pulsar
   * may go on counting an event or two of a Key_Shared subscription whose consumer has acknowledged everything).
   * Says so and returns false if it goes on moving.
   */
  boolean awaitWorkedThrough(Duration patience) throws InterruptedException {
    Look first = look();
    Progress progress = new Progress(out, "events left over from the phase before, worked through", first.waiting());
    long until = System.nanoTime() + patience.toNanos();
    Look last = first;
    int sameLooks = 1;
    while (sameLooks < 3) {
      if (System.nanoTime() - until > 0) {
        out.printf("    %,d events still waiting after %d s; the next phase shares the machine with them%n",
            last.waiting(), patience.toSeconds());
        return false;
      }
      Thread.sleep(1000);
      Look now = look();
      sameLooks = now.equals(last) ? sameLooks + 1 : 1;
      last = now;
      progress.at(Math.max(0, first.waiting() - now.waiting()));
    }
    progress.at(first.waiting());
    return true;
  }

  /** Moves the subscription past every event waiting in it (the local Pulsar's skip_all). */
  void skipAll(String topic, String subscription) {
    String url = NAMESPACE + "/" + topic + "/subscription/" + subscription + "/skip_all";
    int status = admin.post(url, "").aggregate().join().status().code();
    if (status != 204 && status != 200) {
      throw new IllegalStateException("could not skip the backlog of " + subscription + " on " + topic + ": HTTP "
          + status + " from " + url);
    }
  }

  /** Events published to the namespace so far, and those waiting in its durable subscriptions (not dead letters). */
  private record Look(long published, long waiting) {}

  private Look look() {
    long published = 0;
    long waiting = 0;
    for (JsonNode topic : get(NAMESPACE)) {
      String name = topic.asText().substring(topic.asText().lastIndexOf('/') + 1);
      JsonNode stats = get(NAMESPACE + "/" + name + "/stats");
      published += stats.path("msgInCounter").asLong();
      JsonNode subscriptions = stats.path("subscriptions");
      for (Map.Entry<String, JsonNode> s : (Iterable<Map.Entry<String, JsonNode>>) subscriptions::fields) {
        boolean durable = s.getValue().path("isDurable").asBoolean(true);
        if (durable && !s.getKey().equals(PulsarEventBus.DEAD_LETTER_SUBSCRIPTION)) {
          waiting += s.getValue().path("msgBacklog").asLong();
        }
      }
    }
    return new Look(published, waiting);
  }

  private JsonNode get(String url) {
    AggregatedHttpResponse response = admin.get(url).aggregate().join();
    if (response.status().code() != 200) {
      throw new IllegalStateException("the local Pulsar's admin API answered HTTP " + response.status().code()
          + " to " + url);
    }
    try {
      return JSON.readTree(response.contentUtf8());
    } catch (IOException e) {
      throw new IllegalStateException("the local Pulsar's admin API answered " + url + " with no JSON", e);
    }
  }
}

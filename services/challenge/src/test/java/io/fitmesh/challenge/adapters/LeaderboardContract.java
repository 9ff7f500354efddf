package io.fitmesh.challenge.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.challenge.domain.Leaderboard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every board must do, in the same order as Redis; run against the in-memory twin and real Redis. */
abstract class LeaderboardContract {

  abstract Leaderboard board();

  /** The boards as another instance of the service sees them (its own connection). */
  abstract Leaderboard otherInstance();

  @Test
  void everyChange_isAnnouncedToListenersOfEveryInstance_andNoOtherBoardIs() throws Exception {
    String id = newBoard();
    java.util.Queue<String> heard = new java.util.concurrent.ConcurrentLinkedQueue<>();
    try (AutoCloseable listening = otherInstance().onChange(heard::add)) {
      board().addIfAbsent(id, "anna", 5);
      awaitHeard(heard, id, 1);
      board().updateExisting(id, Map.of("anna", 9.0));
      awaitHeard(heard, id, 2);
      board().remove(id, "anna");
      awaitHeard(heard, id, 3);
      board().replace(id, Map.of("bob", 3.0));
      awaitHeard(heard, id, 4);
    }
    board().addIfAbsent(id, "cene", 1);
    Thread.sleep(200);
    assertThat(heard).as("nothing after the listener closed").hasSize(4);
  }

  private static void awaitHeard(java.util.Queue<String> heard, String id, int times) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> heard.stream().filter(id::equals).count() >= times);
  }

  private static String newBoard() {
    return "board-" + UUID.randomUUID();
  }

  @Test
  void ordersByKeyDescending_thenByAthleteIdDescending() {
    String id = newBoard();
    board().addIfAbsent(id, "anna", 5);
    board().addIfAbsent(id, "bob", 7);
    board().addIfAbsent(id, "cene", 5);
    board().addIfAbsent(id, "dora", 1e15 + 3);

    assertThat(board().range(id, 0, 10)).containsExactly(new Leaderboard.Entry("dora", 1e15 + 3),
        new Leaderboard.Entry("bob", 7), new Leaderboard.Entry("cene", 5), new Leaderboard.Entry("anna", 5));
    assertThat(board().range(id, 1, 2)).extracting(Leaderboard.Entry::athleteId).containsExactly("bob", "cene");
    assertThat(board().rank(id, "anna")).hasValue(3);
    assertThat(board().rank(id, "nobody")).isEmpty();
    assertThat(board().size(id)).isEqualTo(4);
  }

  @Test
  void countAbove_countsOnlyStrictlyHigherKeys() {
    String id = newBoard();
    board().addIfAbsent(id, "anna", 5);
    board().addIfAbsent(id, "bob", 7);
    board().addIfAbsent(id, "cene", 5);
    board().addIfAbsent(id, "dora", 1e15 + 3);

    assertThat(board().countAbove(id, 5)).isEqualTo(2);
    assertThat(board().countAbove(id, 6)).isEqualTo(2);
    assertThat(board().countAbove(id, 1e15 + 3)).isZero();
    assertThat(board().countAbove(id, 0)).isEqualTo(4);
    assertThat(board().countAbove(newBoard(), 0)).isZero();
  }

  @Test
  void addIfAbsent_keepsAnExistingKey_updateExistingIgnoresAthletesNotOnTheBoard() {
    String id = newBoard();
    board().addIfAbsent(id, "bob", 7);
    assertThat(board().addIfAbsent(id, "anna", 5)).isEqualTo(new Leaderboard.Placement(true, 1));
    assertThat(board().addIfAbsent(id, "anna", 100)).isEqualTo(new Leaderboard.Placement(false, 1));
    board().remove(id, "bob");
    board().updateExisting(id, Map.of("anna", 9.0, "ghost", 100.0));

    assertThat(board().range(id, 0, 10)).containsExactly(new Leaderboard.Entry("anna", 9));
  }

  @Test
  void places_ofSeveralAthletes_inOneCall() {
    String id = newBoard();
    board().addIfAbsent(id, "anna", 5);
    board().addIfAbsent(id, "bob", 7);

    assertThat(board().places(id, List.of("anna", "bob", "ghost"))).isEqualTo(Map.of(
        "anna", new Leaderboard.Place(1, 5), "bob", new Leaderboard.Place(0, 7)));
  }

  @Test
  void everyChange_movesTheVersion() {
    String id = newBoard();
    long v0 = board().version(id);
    board().addIfAbsent(id, "anna", 5);
    long v1 = board().version(id);
    board().updateExisting(id, Map.of("anna", 6.0));
    long v2 = board().version(id);
    board().remove(id, "anna");
    assertThat(board().version(id)).isGreaterThan(v2);
    assertThat(v2).isGreaterThan(v1);
    assertThat(v1).isGreaterThan(v0);
  }

  @Test
  void replace_swapsTheWholeBoard() {
    String id = newBoard();
    board().addIfAbsent(id, "old", 5);
    Map<String, Double> keys = new HashMap<>();
    for (int i = 0; i < 12_000; i++) {
      keys.put("athlete-" + i, (double) i);
    }
    board().replace(id, keys);

    assertThat(board().size(id)).isEqualTo(12_000);
    assertThat(board().rank(id, "old")).isEmpty();
    assertThat(board().range(id, 0, 0)).containsExactly(new Leaderboard.Entry("athlete-11999", 11_999));
    board().replace(id, Map.of());
    assertThat(board().size(id)).isZero();
  }
}

package io.fitmesh.challenge.domain;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The live boards: per challenge, athletes ordered by {@link ScoreKey} (higher first; equal keys by athlete
 * id, descending, as Redis orders them). Derived from the {@link ChallengeStore}, so it can be rebuilt.
 */
public interface Leaderboard {

  /** Puts the athlete on the board unless already there; says which, and where they stand. */
  Placement addIfAbsent(String challengeId, String athleteId, double key);

  /** Updates the keys of athletes already on the board (others are ignored: they left). */
  void updateExisting(String challengeId, Map<String, Double> keys);

  void remove(String challengeId, String athleteId);

  /** 0-based place, best first; empty when not on the board. */
  OptionalLong rank(String challengeId, String athleteId);

  /** The places of several athletes at once (absent athletes are left out). */
  Map<String, Place> places(String challengeId, List<String> athleteIds);

  /** Places {@code from..to} (0-based, inclusive), best first. */
  List<Entry> range(String challengeId, long from, long to);

  long size(String challengeId);

  /** How many athletes have a key above {@code key}. */
  long countAbove(String challengeId, double key);

  /** Grows with every change of the board; watchers check it now and then in case a change notice was lost. */
  long version(String challengeId);

  /**
   * Calls {@code changed} with a challenge's id after its board changed, whichever instance changed it: once per
   * change, or less when a notice is lost (Redis pub/sub is at most once), so {@link #version} stays the truth.
   * The listener must not block. Close the result to stop.
   */
  AutoCloseable onChange(Consumer<String> changed);

  /** Replaces the whole board at once (readers see the old or the new, never a mix). */
  void replace(String challengeId, Map<String, Double> keys);

  /** One athlete's key on a board. */
  record Entry(String athleteId, double key) {}

  /** Whether an athlete was added just now, and their 0-based rank. */
  record Placement(boolean added, long rank) {}

  /** One athlete's 0-based rank and key. */
  record Place(long rank, double key) {}
}

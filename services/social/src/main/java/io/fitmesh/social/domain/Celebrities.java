package io.fitmesh.social.domain;

import java.util.Set;

/**
 * Authors with so many followers that their workouts are not fanned out: followers' feeds pull them at read.
 * Durable (CQL); read through a short cache.
 */
public interface Celebrities {

  Set<String> all();

  void add(String athleteId);
}

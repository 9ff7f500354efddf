package io.fitmesh.notification.domain;

import java.util.List;

/** One page of a list and where the next starts (null on the last page). */
public record Page<T>(List<T> items, String next) {

  public Page {
    items = List.copyOf(items);
  }
}

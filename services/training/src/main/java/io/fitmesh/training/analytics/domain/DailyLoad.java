package io.fitmesh.training.analytics.domain;

import java.time.LocalDate;

/** One day's training load with its 7-day (acute) and 42-day (chronic) averages and their balance. */
public record DailyLoad(LocalDate date, double load, double acute, double chronic) {

  public double balance() {
    return chronic - acute;
  }
}

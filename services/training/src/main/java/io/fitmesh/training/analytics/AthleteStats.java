package io.fitmesh.training.analytics;

import java.util.List;

/** Totals per sport this week, month, year and all time. */
public record AthleteStats(List<Totals> week, List<Totals> month, List<Totals> year, List<Totals> allTime) {}

package io.fitmesh.training.analytics.domain;

import java.util.List;

/** Totals per sport this week, month, year and all time. */
public record AthleteStats(List<Totals> week, List<Totals> month, List<Totals> year, List<Totals> allTime) {}

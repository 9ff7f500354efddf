package io.fitmesh.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of several runs of one bench made into one: each figure of a row becomes the median of the runs with
 * their spread, {@code 1,234 (1,100-1,300)}; a figure that every run shares (a count of joins, a target) stays as
 * it is. Rows are matched by position and by their words: a row whose words differ between runs keeps the first
 * run's figures. Lines that are not table rows come from the first run.
 */
final class RepeatedRuns {
  /** 1,234,567.8 (separators only between groups of three, so "12 s (345, 6 failed)" reads 345) or 1234.5. */
  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");

  private RepeatedRuns() {}

  /** One table from the tables of {@code runs.size()} runs of the same bench. */
  static String combine(List<String> runs) {
    if (runs.size() == 1) {
      return runs.get(0);
    }
    List<List<String>> lines = runs.stream().map(run -> Arrays.asList(run.split("\n", -1))).toList();
    List<String> first = lines.get(0);
    StringBuilder combined = new StringBuilder();
    for (int i = 0; i < first.size(); i++) {
      String line = first.get(i);
      if (line.startsWith("## ")) {
        line += String.format(Locale.ROOT, " (%d runs: median, and min-max in brackets)", runs.size());
      } else if (line.startsWith("| ") && !line.startsWith("| measure")) {
        line = combineRow(i, lines);
      }
      combined.append(line).append(i < first.size() - 1 ? "\n" : "");
    }
    return combined.toString();
  }

  private static String combineRow(int index, List<List<String>> runs) {
    String first = runs.get(0).get(index);
    String words = NUMBER.matcher(first).replaceAll("#");
    List<List<Double>> figures = new ArrayList<>();
    for (List<String> run : runs) {
      if (index >= run.size() || !NUMBER.matcher(run.get(index)).replaceAll("#").equals(words)) {
        return first;
      }
      figures.add(numbers(run.get(index)));
    }
    Matcher numbers = NUMBER.matcher(first);
    StringBuilder row = new StringBuilder();
    int n = 0;
    while (numbers.find()) {
      int position = n++;
      double[] values = figures.stream().mapToDouble(run -> run.get(position)).sorted().toArray();
      String text = numbers.group();
      String replacement = values[0] == values[values.length - 1] ? text
          : format(median(values), text) + " (" + format(values[0], text) + "-" + format(values[values.length - 1], text)
              + ")";
      numbers.appendReplacement(row, Matcher.quoteReplacement(replacement));
    }
    numbers.appendTail(row);
    return row.toString();
  }

  private static List<Double> numbers(String line) {
    List<Double> values = new ArrayList<>();
    Matcher numbers = NUMBER.matcher(line);
    while (numbers.find()) {
      values.add(Double.parseDouble(numbers.group().replace(",", "")));
    }
    return values;
  }

  private static double median(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** As many decimals as the figure had, with thousands separators if it had them. */
  private static String format(double value, String like) {
    int dot = like.indexOf('.');
    int decimals = dot < 0 ? 0 : like.length() - dot - 1;
    return String.format(Locale.ROOT, (like.contains(",") ? "%,." : "%.") + decimals + "f", value);
  }
}

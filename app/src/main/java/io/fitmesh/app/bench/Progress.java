package io.fitmesh.app.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints done/total, rate and ETA of a bench phase at most every two seconds, and at its end. */
final class Progress {
  private final PrintStream out;
  private final String what;
  private final long total;
  private final long start = System.nanoTime();
  private long printed = start;

  Progress(PrintStream out, String what, long total) {
    this.out = out;
    this.what = what;
    this.total = total;
  }

  void at(long done) {
    long now = System.nanoTime();
    if (now - printed >= 2_000_000_000L || done == total) {
      printed = now;
      double seconds = (now - start) / 1e9;
      double rate = done / Math.max(seconds, 1e-3);
      String eta = done == total ? "done"
          : rate > 0 ? String.format(Locale.ROOT, "ETA %.0f s", (total - done) / rate) : "ETA unknown";
      out.printf(rate < 10 ? "    %s: %,d of %,d (%.2f/s, %s)%n" : "    %s: %,d of %,d (%,.0f/s, %s)%n",
          what, done, total, rate, eta);
    }
  }
}

package io.fitmesh.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints done/total, rate and ETA of a bench phase at most every two seconds, and at its end; {@link #timed} does the
 * same for a phase of a set length.
 */
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

  /**
   * For a phase that runs for a set time rather than a set amount: prints every two seconds until closed how much it
   * has done ({@code done}, counted in {@code unit}), its rate and the seconds left.
   */
  static Timed timed(PrintStream out, String what, String unit, Duration length, LongSupplier done) {
    long start = System.nanoTime();
    ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bench-progress");
      t.setDaemon(true);
      return t;
    });
    printer.scheduleAtFixedRate(() -> {
      double seconds = (System.nanoTime() - start) / 1e9;
      long count = done.getAsLong();
      out.printf(Locale.ROOT, "    %s: %,d %s (%,.0f/s, %.0f s left)%n", what, count, unit,
          count / Math.max(seconds, 1e-3), Math.max(0, length.toNanos() / 1e9 - seconds));
    }, 2, 2, TimeUnit.SECONDS);
    return () -> {
      printer.shutdown();
      try {
        printer.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** Progress printing that stops when closed. */
  interface Timed extends AutoCloseable {
    @Override
    void close();
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

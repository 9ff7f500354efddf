package io.fitmesh.app.bench;

import com.google.common.util.concurrent.ListenableFuture;
import java.io.PrintStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.HdrHistogram.Recorder;

/**
 * Calls at a steady rate whatever the answers take (open loop), with latency from each call's intended start, so a
 * slow server shows as latency rather than as fewer calls. At most {@code maxInFlight} calls wait at once; a call
 * beyond that counts as failed.
 */
final class OpenLoop {
  /** Calls made, and calls that failed (an error, an answer {@code ok} refused, or shed). */
  record Counts(long calls, long failures) {}

  private OpenLoop() {}

  static <T> Counts run(PrintStream out, String what, int rate, int seconds, int maxInFlight,
      Supplier<ListenableFuture<T>> call, Predicate<T> ok, Recorder latency) throws InterruptedException {
    Semaphore inFlight = new Semaphore(maxInFlight);
    AtomicLong failures = new AtomicLong();
    long total = (long) rate * seconds;
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime();
    Progress progress = new Progress(out, what, total);
    for (long i = 0; i < total; i++) {
      progress.at(i);
      long due = start + i * period;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (!inFlight.tryAcquire()) {
        failures.incrementAndGet();
        continue;
      }
      ListenableFuture<T> future = call.get();
      future.addListener(() -> {
        try {
          if (ok.test(future.get())) {
            if (latency != null) {
              latency.recordValue(System.nanoTime() - due);
            }
          } else {
            failures.incrementAndGet();
          }
        } catch (Exception e) {
          failures.incrementAndGet();
        }
        inFlight.release();
      }, Runnable::run);
    }
    progress.at(total);
    inFlight.acquire(maxInFlight);
    inFlight.release(maxInFlight);
    return new Counts(total, failures.get());
  }
}

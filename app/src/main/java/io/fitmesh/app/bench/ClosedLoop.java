package io.fitmesh.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** {@code callers} threads each calling again as soon as their last call returned, for a fixed time: throughput. */
final class ClosedLoop {
  /** Calls that returned, calls that failed, and the calls per second that returned. */
  record Counts(long calls, long failures, double perSecond) {}

  /** One call; the argument numbers the calls so they can be spread over athletes. */
  interface Call {
    void call(int n) throws Exception;
  }

  private ClosedLoop() {}

  static Counts run(PrintStream out, String what, int callers, int seconds, Call call) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong numbers = new AtomicLong();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < callers; t++) {
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          try {
            call.call((int) (numbers.getAndIncrement() & Integer.MAX_VALUE));
            done.incrementAndGet();
          } catch (Exception e) {
            failed.incrementAndGet();
          }
        }
      }, "bench-" + what + "-" + t);
      thread.start();
      threads.add(thread);
    }
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(2000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      double elapsed = (System.nanoTime() - start) / 1e9;
      out.printf("    %s: %,d calls (%,.0f/s, %.0f s left)%n", what, done.get(), done.get() / elapsed,
          Math.max(0, (end - System.nanoTime()) / 1e9));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Counts(done.get(), failed.get(), done.get() / elapsed);
  }
}

package io.fitmesh.app.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the heap in use every 100 ms and keeps the peak since the last reset. */
final class PeakMemory {
  private final AtomicLong peak = new AtomicLong();

  PeakMemory() {
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bench-memory");
      t.setDaemon(true);
      return t;
    });
    sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 100, TimeUnit.MILLISECONDS);
  }

  void reset() {
    peak.set(0);
  }

  long peakMiB() {
    return peak.get() / (1024 * 1024);
  }
}

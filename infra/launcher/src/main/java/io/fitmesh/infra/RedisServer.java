package io.fitmesh.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Redis from the OS package (apt-get install -y redis-server), with an append-only file synced every second as a
 * production primary has: a stop and {@code resume} keeps boards and timelines, as a restarted primary does.
 */
final class RedisServer implements ManagedServer {

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public String address() {
    return "redis://127.0.0.1:" + LocalPorts.REDIS;
  }

  @Override
  public List<String> prepare(Path dir, Path repoRoot, boolean fresh) throws IOException {
    Path binary = Path.of("/usr/bin/redis-server");
    if (!Files.isExecutable(binary)) {
      throw new IOException("redis-server is not installed: run apt-get install -y redis-server");
    }
    return List.of(binary.toString(), "--port", String.valueOf(LocalPorts.REDIS), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--daemonize", "no", "--dir", dir.toString());
  }

  @Override
  public boolean isReady() {
    return Probes.redisPong(LocalPorts.REDIS);
  }

  @Override
  public int startTimeoutSeconds() {
    return 30;
  }
}

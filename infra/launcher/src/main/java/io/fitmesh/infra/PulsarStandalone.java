package io.fitmesh.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Apache Pulsar 4.0.7 standalone: broker and one bookie, RocksDB metadata, no functions worker. */
final class PulsarStandalone implements ManagedServer {
  private static final List<String> JVM_OPENS = List.of(
      "--add-opens", "java.base/java.io=ALL-UNNAMED",
      "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
      "--add-opens", "java.base/sun.net=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.platform=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/java.nio=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");

  @Override
  public String name() {
    return "pulsar";
  }

  @Override
  public String address() {
    return "pulsar://127.0.0.1:" + LocalPorts.PULSAR + " (admin http://127.0.0.1:" + LocalPorts.PULSAR_HTTP + ")";
  }

  @Override
  public List<String> prepare(Path dir, Path repoRoot, boolean fresh) throws IOException {
    Path conf = dir.resolve("standalone.conf");
    Files.writeString(conf, String.join("\n",
        "clusterName=standalone",
        "bindAddress=127.0.0.1",
        "advertisedAddress=127.0.0.1",
        "brokerServicePort=" + LocalPorts.PULSAR,
        "webServicePort=" + LocalPorts.PULSAR_HTTP,
        "metadataStoreUrl=",
        "configurationMetadataStoreUrl=",
        "managedLedgerDefaultEnsembleSize=1",
        "managedLedgerDefaultWriteQuorum=1",
        "managedLedgerDefaultAckQuorum=1",
        "managedLedgerNewEntriesCheckDelayInMillis=0",
        "functionsWorkerEnabled=false",
        "transactionCoordinatorEnabled=false",
        "webSocketServiceEnabled=false",
        "loadBalancerEnabled=false",
        "allowAutoTopicCreation=true",
        "allowAutoTopicCreationType=non-partitioned",
        "brokerDeleteInactiveTopicsEnabled=false",
        "dbStorage_writeCacheMaxSizeMb=32",
        "dbStorage_readAheadCacheMaxSizeMb=16",
        ""));
    Path log4j = dir.resolve("log4j2.properties");
    Files.writeString(log4j, String.join("\n",
        "appender.console.type=Console",
        "appender.console.name=console",
        "appender.console.layout.type=PatternLayout",
        "appender.console.layout.pattern=%d{HH:mm:ss.SSS} %-5level %c{1} - %msg%n",
        "rootLogger.level=warn",
        "rootLogger.appenderRef.console.ref=console",
        "logger.standalone.name=org.apache.pulsar.PulsarStandalone",
        "logger.standalone.level=info",
        ""));
    List<String> cmd = new ArrayList<>(List.of(ServerClasspath.java17(),
        "-Xms256m", "-Xmx512m", "-XX:MaxDirectMemorySize=256m", "-XX:+ExitOnOutOfMemoryError",
        "-Dio.netty.tryReflectionSetAccessible=true",
        "-Dlog4j.configurationFile=" + log4j,
        "-Dpulsar.log.dir=" + dir));
    cmd.addAll(JVM_OPENS);
    cmd.addAll(List.of("-cp", ServerClasspath.of(repoRoot, "pulsar-server"),
        "org.apache.pulsar.PulsarStandaloneStarter",
        "--config", conf.toString(),
        "--no-functions-worker",
        "--metadata-dir", dir.resolve("metadata").toString(),
        "--bookkeeper-dir", dir.resolve("bookkeeper").toString(),
        "--bookkeeper-port", String.valueOf(LocalPorts.PULSAR_BOOKIE)));
    if (fresh) {
      cmd.add("--wipe-data");
    }
    return cmd;
  }

  @Override
  public boolean isReady() {
    return Probes.httpSays("http://127.0.0.1:" + LocalPorts.PULSAR_HTTP + "/admin/v2/brokers/health", "ok");
  }

  @Override
  public int startTimeoutSeconds() {
    return 240;
  }
}

package io.fitmesh.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Apache Cassandra 5.0.9, the CQL server standing in for ScyllaDB (which cannot be installed here): same CQL
 * protocol and driver. One node, one token, tiny memtables, data under the run directory.
 */
final class CassandraServer implements ManagedServer {
  /** The JDK 17 module flags upstream ships as conf/jvm17-server.options. */
  private static final List<String> JVM17_OPTIONS = List.of(
      "-Djdk.attach.allowAttachSelf=true",
      "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
      "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
      "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
      "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.base/java.io=ALL-UNNAMED",
      "--add-opens", "java.base/java.nio=ALL-UNNAMED",
      "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens", "java.base/java.util=ALL-UNNAMED",
      "--add-opens", "java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/java.math=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens", "java.base/java.net=ALL-UNNAMED");

  @Override
  public String name() {
    return "cql";
  }

  @Override
  public String address() {
    return "127.0.0.1:" + LocalPorts.CQL + " (datacenter1)";
  }

  @Override
  public List<String> prepare(Path dir, Path repoRoot, boolean fresh) throws IOException {
    Path yaml = dir.resolve("cassandra.yaml");
    Files.writeString(yaml, String.join("\n",
        "cluster_name: fitmesh-local",
        "num_tokens: 1",
        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
        "endpoint_snitch: SimpleSnitch",
        "seed_provider:",
        "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
        "    parameters:",
        "      - seeds: \"127.0.0.1:" + LocalPorts.CQL_STORAGE + "\"",
        "listen_address: 127.0.0.1",
        "rpc_address: 127.0.0.1",
        "storage_port: " + LocalPorts.CQL_STORAGE,
        "native_transport_port: " + LocalPorts.CQL,
        "start_native_transport: true",
        "commitlog_sync: periodic",
        "commitlog_sync_period: 10000ms",
        "data_file_directories:",
        "  - " + dir.resolve("data"),
        "commitlog_directory: " + dir.resolve("commitlog"),
        "saved_caches_directory: " + dir.resolve("saved_caches"),
        "hints_directory: " + dir.resolve("hints"),
        "cdc_raw_directory: " + dir.resolve("cdc_raw"),
        "auto_snapshot: false",
        "memtable_heap_space: 128MiB",
        "memtable_offheap_space: 128MiB",
        ""));
    Path logback = dir.resolve("logback.xml");
    Files.writeString(logback, String.join("\n",
        "<configuration>",
        "  <appender name=\"STDOUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
        "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n</pattern></encoder>",
        "  </appender>",
        "  <root level=\"WARN\"><appender-ref ref=\"STDOUT\"/></root>",
        "  <logger name=\"org.apache.cassandra.service.CassandraDaemon\" level=\"INFO\"/>",
        "</configuration>",
        ""));
    List<String> cmd = new ArrayList<>();
    if (runningAsRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
      // As root Cassandra mlockall()s its whole heap; dropping CAP_IPC_LOCK keeps RSS at what it uses.
      cmd.addAll(List.of("/usr/bin/setpriv", "--bounding-set=-ipc_lock", "--"));
    }
    cmd.addAll(List.of(ServerClasspath.java17(),
        "-Xms1g", "-Xmx1g", "-Xss512k", "-XX:+ExitOnOutOfMemoryError",
        "-Dcassandra.config=file://" + yaml,
        "-Dcassandra-foreground=yes",
        "-Dcassandra.storagedir=" + dir,
        "-Dcassandra.logdir=" + dir,
        "-Dcassandra.skip_wait_for_gossip_to_settle=0",
        "-Dcassandra.ring_delay_ms=0",
        "-Dcassandra.unsafesystem=true",
        "-Dlogback.configurationFile=" + logback));
    cmd.addAll(JVM17_OPTIONS);
    cmd.addAll(List.of("-cp", ServerClasspath.of(repoRoot, "cql-server"),
        "org.apache.cassandra.service.CassandraDaemon"));
    return cmd;
  }

  @Override
  public boolean isReady() {
    return Probes.portOpen(LocalPorts.CQL);
  }

  @Override
  public int startTimeoutSeconds() {
    return 240;
  }

  private static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}

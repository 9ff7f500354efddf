package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import org.junit.jupiter.api.Test;

class ProcessClusterPortsTest {
  @Test
  void testPorts_areDistinctFreeAndBelowTheKernelsEphemeralRange() throws Exception {
    int ephemeralLow = Integer.parseInt(
        Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
    ToIntBiFunction<String, Integer> ports = ProcessCluster.anyFreePorts();
    Set<Integer> given = new HashSet<>();
    for (int n = 1; n <= 12; n++) {
      int port = ports.applyAsInt("training", n);
      assertThat(port).as("an outgoing connection may take any ephemeral port meanwhile").isLessThan(ephemeralLow);
      assertThat(given.add(port)).as("port %d given twice", port).isTrue();
    }
  }

  @Test
  void aPortSomeoneListensOn_isNotGiven() throws Exception {
    ToIntBiFunction<String, Integer> ports = ProcessCluster.anyFreePorts();
    int first = ports.applyAsInt("bff", 1);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", first + 1));
      assertThat(ports.applyAsInt("bff", 2)).isEqualTo(first + 2);
    }
  }
}

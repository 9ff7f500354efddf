package io.fitmesh.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The classpath of a server that runs from Maven artifacts (Pulsar, Cassandra), resolved by its launcher-only
 * module into {@code infra/<module>/target/classpath.txt}; resolved here with ./mvnw when missing.
 */
final class ServerClasspath {
  private ServerClasspath() {}

  static String of(Path repoRoot, String module) throws IOException {
    Path file = repoRoot.resolve("infra").resolve(module).resolve("target/classpath.txt");
    if (!Files.isRegularFile(file)) {
      System.out.println("resolving the " + module + " classpath with Maven (first time only)...");
      Path mvnw = repoRoot.resolve("mvnw");
      ProcessBuilder pb = new ProcessBuilder(List.of(mvnw.toString(), "-q", "-B",
          "-f", "infra/" + module + "/pom.xml", "generate-resources"))
          .directory(repoRoot.toFile())
          .inheritIO();
      try {
        int exit = pb.start().waitFor();
        if (exit != 0 || !Files.isRegularFile(file)) {
          throw new IOException("could not resolve the " + module + " classpath (./mvnw exited " + exit + ")");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while resolving the " + module + " classpath", e);
      }
    }
    return Files.readString(file).strip();
  }

  /** The java launcher to run servers with: JDK 17 (Cassandra 5.0 refuses newer ones). */
  static String java17() {
    String configured = System.getenv("FITMESH_INFRA_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured, "bin", "java").toString();
    }
    if (Runtime.version().feature() == 17) {
      return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
    Path debian17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    if (Files.isExecutable(debian17)) {
      return debian17.toString();
    }
    throw new IllegalStateException(
        "the local servers need JDK 17: set FITMESH_INFRA_JAVA_HOME to a JDK 17 installation");
  }
}

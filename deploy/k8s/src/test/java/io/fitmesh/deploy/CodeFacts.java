package io.fitmesh.deploy;

import io.fitmesh.platform.config.PlatformConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the code says that the manifests must agree with: deployables, their modules, callees and settings read. */
final class CodeFacts {
  /** The deployables that run as pods, each with the module holding its code. */
  static final Map<String, String> DEPLOYABLE_MODULES = Map.of(
      "telemetry", "services/telemetry",
      "training", "services/training",
      "social", "services/social",
      "challenge", "services/challenge",
      "reco", "services/reco",
      "bff", "bff");

  /** Settings the edge's config reads (`fitmesh envoy edge`, EnvoyTemplates.edge). */
  static final Set<String> EDGE_SETTINGS = Set.of("FITMESH_EDGE_CORS_ORIGINS", "FITMESH_EDGE_RATE_PER_IP",
      "FITMESH_EDGE_RATE_PER_ATHLETE", "FITMESH_OIDC_ISSUER", "FITMESH_OIDC_AUDIENCE", "FITMESH_OIDC_JWKS_URL",
      "FITMESH_TOKEN_MAX_LIFETIME", "FITMESH_TOKEN_CLOCK_SKEW");

  /** Variables read by the JVM rather than FitMesh's code. */
  static final Set<String> JVM_SETTINGS = Set.of("JAVA_TOOL_OPTIONS");

  private static final List<String> SOURCE_ROOTS = List.of("services", "platform", "bff", "app", "mesh");
  private static final Pattern STUB = Pattern.compile("(?:streamingStub|stub)\\(\"([a-z]+)\"");
  private static String mainSources;

  private CodeFacts() {}

  /** True when main Java code reads the setting by its quoted name, or builds it per deployable (_ADDRESS, _PORT). */
  static boolean codeReads(String name) {
    for (String deployable : PlatformConfig.DEPLOYABLES) {
      String upper = deployable.toUpperCase(Locale.ROOT);
      if (name.equals("FITMESH_" + upper + "_ADDRESS") || name.equals("FITMESH_" + upper + "_PORT")) {
        return true;
      }
    }
    return mainSources().contains("\"" + name + "\"");
  }

  /** The deployables a deployable's code calls (gRPC stubs) and does not host itself. */
  static Set<String> callees(String deployable) {
    Set<String> callees = new TreeSet<>();
    try (Stream<Path> files = javaFiles(Rendered.REPO.resolve(DEPLOYABLE_MODULES.get(deployable)))) {
      files.forEach(file -> {
        Matcher m = STUB.matcher(read(file));
        while (m.find()) {
          if (!PlatformConfig.defaultHost(m.group(1)).equals(deployable)) {
            callees.add(m.group(1));
          }
        }
      });
    }
    return callees;
  }

  /** True when the class is in some module's main sources. */
  static boolean mainClassExists(String className) {
    String path = "src/main/java/" + className.replace('.', '/') + ".java";
    return Stream.concat(DEPLOYABLE_MODULES.values().stream(), Stream.of("app"))
        .anyMatch(module -> Files.isRegularFile(Rendered.REPO.resolve(module).resolve(path)));
  }

  private static synchronized String mainSources() {
    if (mainSources == null) {
      StringBuilder all = new StringBuilder();
      for (String root : SOURCE_ROOTS) {
        try (Stream<Path> files = javaFiles(Rendered.REPO.resolve(root))) {
          files.forEach(file -> all.append(read(file)).append('\n'));
        }
      }
      mainSources = all.toString();
    }
    return mainSources;
  }

  private static Stream<Path> javaFiles(Path root) {
    try {
      return Files.walk(root)
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

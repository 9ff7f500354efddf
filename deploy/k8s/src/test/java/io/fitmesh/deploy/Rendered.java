package io.fitmesh.deploy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * One overlay as `kubectl kustomize` renders it, with what validate/validate.mjs found wrong in it (schema errors,
 * unknown fields). Rendered once per overlay and test run.
 */
record Rendered(String overlay, List<JsonNode> objects, List<String> errors) {
  /** deploy/k8s: Maven runs the tests in the module's folder. */
  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path REPO = MODULE.resolve("../..").normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

  static Rendered overlay(String name) {
    return CACHE.computeIfAbsent(name, n -> {
      Path rendered = tempFile(n);
      run(List.of("kubectl", "kustomize", MODULE.resolve("overlays/" + n).toString(), "-o", rendered.toString()));
      return validated(n, rendered);
    });
  }

  /** Validates a multi-document YAML file as it stands, without kustomize. */
  static Rendered validated(String label, Path yaml) {
    Path validate = MODULE.resolve("validate");
    if (!Files.isDirectory(validate.resolve("node_modules"))) {
      throw new IllegalStateException("the validator's packages are not installed: run "
          + "npm ci --no-audit --no-fund --prefix deploy/k8s/validate (./test-all does)");
    }
    JsonNode result;
    try {
      result = JSON.readTree(run(List.of("node", validate.resolve("validate.mjs").toString(), yaml.toString())));
    } catch (IOException e) {
      throw new IllegalStateException("validate.mjs printed no JSON for " + label, e);
    }
    List<JsonNode> objects = new ArrayList<>();
    result.get("objects").forEach(objects::add);
    List<String> errors = new ArrayList<>();
    result.get("errors").forEach(e -> errors.add(e.asText()));
    return new Rendered(label, List.copyOf(objects), List.copyOf(errors));
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
  }

  Optional<JsonNode> find(String kind, String name) {
    return ofKind(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
  }

  JsonNode get(String kind, String name) {
    return find(kind, name).orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
  }

  /** Data of a rendered ConfigMap. */
  Map<String, String> configMap(String name) {
    Map<String, String> data = new java.util.TreeMap<>();
    get("ConfigMap", name).path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
    return data;
  }

  static JsonNode podSpec(JsonNode deployment) {
    return deployment.path("spec").path("template").path("spec");
  }

  static JsonNode container(JsonNode deployment, String name) {
    return StreamSupport.stream(podSpec(deployment).path("containers").spliterator(), false)
        .filter(c -> c.path("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(deployment.path("metadata").path("name").asText()
            + " has no container " + name));
  }

  static List<String> names(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asText()).toList();
  }

  private static Path tempFile(String name) {
    try {
      Path file = Files.createTempFile("fitmesh-" + name + "-", ".yaml");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command, returns its standard output; fails with its standard error when it exits non-zero. */
  static String run(List<String> command) {
    requireNonNull(command, "command");
    try {
      Path err = Files.createTempFile("fitmesh-cmd-", ".err");
      Process process = new ProcessBuilder(command).directory(MODULE.toFile())
          .redirectError(err.toFile()).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
      }
      String stderr = Files.readString(err);
      Files.delete(err);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": " + stderr);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

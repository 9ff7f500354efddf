package io.fitmesh.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rendered object is one the API server would take: schema, required fields, no unknown fields. */
class ManifestSchemaTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyRenderedObject_matchesItsSchema_withoutUnknownFields(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);

    assertThat(rendered.objects()).hasSizeGreaterThan(30);
    assertThat(rendered.errors()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyObject_isInTheOverlaysNamespace_orIsItsNamespace(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    String namespace = overlay.equals("dev") ? "fitmesh-dev" : "fitmesh";

    assertThat(rendered.get("Namespace", namespace)).isNotNull();
    assertThat(rendered.objects()).filteredOn(o -> !o.path("kind").asText().equals("Namespace"))
        .allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asText()).as(o.path("kind") + " "
            + o.path("metadata").path("name")).isEqualTo(namespace));
  }

  @Test
  void validator_reportsAnUnknownField_aWrongType_andAMissingRequiredField(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: broken }
        spec:
          selector: { matchLabels: { app: broken } }
          template:
            metadata: { labels: { app: broken } }
            spec:
              terminationGracePeriodSecond: 45
              containers:
                - name: service
                  image: fitmesh/fitmesh
                  ports: [{ containerPort: "9091" }]
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: { name: no-issuer }
        spec:
          secretName: mesh-tls-x
        ---
        apiVersion: example.io/v1
        kind: Widget
        metadata: { name: unknown-kind }
        """);

    Rendered result = Rendered.validated("broken", broken);

    assertThat(result.errors()).anySatisfy(e -> assertThat(e)
        .contains("Deployment/broken").contains("unknown field").contains("terminationGracePeriodSecond"));
    assertThat(result.errors()).anySatisfy(e -> assertThat(e)
        .contains("containerPort").contains("must be integer"));
    assertThat(result.errors()).anySatisfy(e -> assertThat(e)
        .contains("Certificate/no-issuer").contains("issuerRef"));
    assertThat(result.errors()).anySatisfy(e -> assertThat(e)
        .contains("Widget/unknown-kind").contains("no schema"));
  }
}

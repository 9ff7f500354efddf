package io.fitmesh.app;

import io.fitmesh.mesh.EnvoyTemplates;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** fitmesh envoy edge|sidecar: writes an Envoy config rendered from this process's settings. */
@Command(
    name = "envoy",
    mixinStandardHelpOptions = true,
    description = {
      "Write the Envoy config of the edge or of one deployable's sidecar, rendered from the environment's",
      "FITMESH_* settings (Kubernetes runs this in each pod's init container).",
      "  fitmesh envoy edge --out /etc/envoy/envoy.yaml     needs FITMESH_OIDC_ISSUER, FITMESH_OIDC_AUDIENCE,",
      "                                                     FITMESH_OIDC_JWKS_URL (https); optional",
      "                                                     FITMESH_EDGE_CORS_ORIGINS, FITMESH_EDGE_RATE_PER_IP,",
      "                                                     FITMESH_EDGE_RATE_PER_ATHLETE, FITMESH_TOKEN_*",
      "  fitmesh envoy sidecar training --out envoy.yaml    reads FITMESH_TRAINING_PORT"
    })
final class EnvoyCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ROLE", description = "edge or sidecar")
  String role;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DEPLOYABLE",
      description = "For a sidecar: telemetry, training, social, challenge, reco or bff.")
  String deployable;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the config (default: standard output).")
  Path out;

  @Override
  public Integer call() {
    try {
      Settings settings = Settings.fromEnvironment();
      String config = switch (role) {
        case "edge" -> EnvoyTemplates.edge(settings);
        case "sidecar" -> {
          if (deployable == null) {
            throw new ConfigException("name the deployable: fitmesh envoy sidecar <" + String.join("|", EnvoyTemplates.HOSTS) + ">");
          }
          yield EnvoyTemplates.sidecar(deployable, settings);
        }
        default -> throw new ConfigException("the role is edge or sidecar, not " + role);
      };
      if (out == null) {
        System.out.print(config);
      } else {
        write(config, out);
        System.err.println("fitmesh envoy: wrote " + out);
      }
      return 0;
    } catch (ConfigException e) {
      System.err.println("fitmesh envoy: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("fitmesh envoy: cannot write " + out + ": " + e.getMessage());
      return 1;
    }
  }

  /** Written beside the target and moved over it, so Envoy never reads half a config. */
  private static void write(String config, Path out) throws IOException {
    Path absolute = out.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), ".envoy", ".yaml");
    Files.writeString(temp, config, StandardCharsets.UTF_8);
    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

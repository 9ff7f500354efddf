package io.fitmesh.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import io.fitmesh.platform.auth.DevTokens;
import io.fitmesh.platform.auth.VerifiedToken;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** fitmesh promo: campaigns through the BFF's admin API, as an operator. */
@Command(
    name = "promo",
    mixinStandardHelpOptions = true,
    description = {
      "Create, list and end promo campaigns through the BFF's admin API (/v1/admin/campaigns).",
      "The token needs the fitmesh-admin role: --token, else FITMESH_ADMIN_TOKEN, else (development auth only) a",
      "short-lived development admin token is minted here."
    },
    subcommands = {PromoCommand.Create.class, PromoCommand.ListCampaigns.class, PromoCommand.End.class})
final class PromoCommand implements Runnable {
  private static final int MAX_FILE_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Where the BFF is and who calls it. */
  static final class Target {
    @Option(names = "--bff", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
        description = "The BFF (default: ${DEFAULT-VALUE}).")
    String bff;

    @Option(names = "--token", paramLabel = "TOKEN", description = "A bearer token with the fitmesh-admin role.")
    String token;

    String bearer() {
      if (token != null) {
        return token;
      }
      Settings settings = Settings.fromEnvironment();
      if (settings.optional("FITMESH_ADMIN_TOKEN").isPresent()) {
        return settings.optional("FITMESH_ADMIN_TOKEN").get();
      }
      PlatformConfig config = PlatformConfig.from(settings, Backends.EMBEDDED);
      if (config.auth().oidc() != null) {
        throw new ConfigException("give --token or FITMESH_ADMIN_TOKEN: tokens come from the identity provider");
      }
      return new DevTokens(config.auth().devSecret(), config.auth().clockSkew(), config.auth().maxLifetime(),
          Clock.systemUTC()).mint("fitmesh-cli", Duration.ofMinutes(5), VerifiedToken.ADMIN);
    }

    int call(HttpMethod method, String path, JsonNode body) {
      RequestHeaders headers = RequestHeaders.builder(method, path)
          .add("authorization", "Bearer " + bearer())
          .contentType(MediaType.JSON_UTF_8)
          .build();
      AggregatedHttpResponse response = WebClient.builder("http://" + bff)
          .responseTimeout(Duration.ofSeconds(10)).build()
          .execute(body == null ? HttpRequest.of(headers) : HttpRequest.of(headers, com.linecorp.armeria.common.HttpData
              .ofUtf8(body.toString())))
          .aggregate().join();
      String text = response.contentUtf8();
      if (response.status().code() != 200) {
        System.err.println("fitmesh promo: " + response.status() + " " + text);
        return 1;
      }
      try {
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(text)));
      } catch (IOException e) {
        System.out.println(text);
      }
      return 0;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {
        "Create a campaign from a JSON file (a fitmesh.promo.v1.Campaign, e.g. docs/examples/campaign.json).",
        "Creating from the same file again returns the first campaign (the request id is the file's hash)."
      })
  static final class Create implements Callable<Integer> {
    @Mixin
    Target target;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The campaign as JSON (<= 64 KB).")
    Path file;

    @Override
    public Integer call() {
      try {
        if (Files.size(file) > MAX_FILE_BYTES) {
          System.err.println("fitmesh promo create: " + file + " is larger than 64 KB");
          return 2;
        }
        byte[] bytes = Files.readAllBytes(file);
        ObjectNode body = JSON.createObjectNode();
        body.set("campaign", JSON.readTree(new String(bytes, StandardCharsets.UTF_8)));
        body.put("requestId", "cli-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
            .substring(0, 32));
        return target.call(HttpMethod.POST, "/v1/admin/campaigns", body);
      } catch (IOException e) {
        System.err.println("fitmesh promo create: cannot read " + file + " as JSON");
        return 2;
      } catch (NoSuchAlgorithmException | ConfigException e) {
        System.err.println("fitmesh promo create: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List campaigns, newest first.")
  static final class ListCampaigns implements Callable<Integer> {
    @Mixin
    Target target;

    @Option(names = "--page-token", paramLabel = "TOKEN", description = "The next page, as the last list gave it.")
    String pageToken;

    @Override
    public Integer call() {
      try {
        return target.call(HttpMethod.GET, "/v1/admin/campaigns?pageSize=100"
            + (pageToken == null ? "" : "&pageToken=" + java.net.URLEncoder.encode(pageToken, StandardCharsets.UTF_8)),
            null);
      } catch (ConfigException e) {
        System.err.println("fitmesh promo list: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(name = "end", mixinStandardHelpOptions = true, description = "End a campaign now.")
  static final class End implements Callable<Integer> {
    @Mixin
    Target target;

    @Parameters(paramLabel = "CAMPAIGN_ID", description = "The campaign.")
    String campaignId;

    @Override
    public Integer call() {
      try {
        return target.call(HttpMethod.POST, "/v1/admin/campaigns/"
            + java.net.URLEncoder.encode(campaignId, StandardCharsets.UTF_8) + ":end", JSON.createObjectNode());
      } catch (ConfigException e) {
        System.err.println("fitmesh promo end: " + e.getMessage());
        return 2;
      }
    }
  }
}

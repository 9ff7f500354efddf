package io.fitmesh.notification.adapters.push;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to reach Firebase Cloud Messaging (HTTP v1 API) as a Google service account. Checked when built;
 * {@link #toString()} never shows the key.
 *
 * @param baseUrl {@link #DEFAULT_BASE_URL} (a fake in tests)
 * @param projectId the Firebase project the app belongs to
 * @param clientEmail the service account's e-mail, the issuer of its token requests
 * @param privateKeyId the id of the service account's key, sent as the JWT key id
 * @param privateKey the service account's RSA key
 * @param tokenUri Google's OAuth2 token endpoint (the key file's token_uri)
 * @param timeout how long one HTTP exchange (token or send) may take, connecting included
 */
public record FcmOptions(URI baseUrl, String projectId, String clientEmail, String privateKeyId,
    RSAPrivateKey privateKey, URI tokenUri, Duration timeout) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://fcm.googleapis.com");
  /** A service-account key file is about 2.4 KB; anything over this is not one. */
  public static final int MAX_SERVICE_ACCOUNT_JSON_BYTES = 64 * 1024;

  // Project ids are lower-case letters, digits and hyphens; old domain-scoped ones look like "example.com:project".
  private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:_-]*");
  private static final Set<String> WEB_SCHEMES = Set.of("http", "https");
  private static final ObjectMapper JSON = new ObjectMapper();

  public FcmOptions {
    requireWebUri(baseUrl, "baseUrl");
    requireNonNull(projectId, "projectId");
    if (!PROJECT_ID.matcher(projectId).matches()) {
      throw new IllegalArgumentException("projectId must be letters, digits, '-', '.', ':' or '_', was " + projectId);
    }
    requireNonBlank(clientEmail, "clientEmail");
    requireNonBlank(privateKeyId, "privateKeyId");
    requireNonNull(privateKey, "privateKey");
    requireWebUri(tokenUri, "tokenUri");
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** {@link #fromServiceAccountJson(String, URI, Duration)} with {@link #DEFAULT_BASE_URL}. */
  public static FcmOptions fromServiceAccountJson(String json, Duration timeout) {
    return fromServiceAccountJson(json, DEFAULT_BASE_URL, timeout);
  }

  /**
   * Options from a Google service-account key file (JSON): reads project_id, client_email, private_key_id,
   * private_key (PKCS#8 PEM RSA) and token_uri, nothing else.
   *
   * @throws IllegalArgumentException if the text is over {@link #MAX_SERVICE_ACCOUNT_JSON_BYTES}, is not a JSON object,
   *     or lacks one of those fields (the message names it); messages never show key material
   */
  public static FcmOptions fromServiceAccountJson(String json, URI baseUrl, Duration timeout) {
    requireNonNull(json, "json");
    if (json.length() > MAX_SERVICE_ACCOUNT_JSON_BYTES || json.getBytes(UTF_8).length > MAX_SERVICE_ACCOUNT_JSON_BYTES) {
      throw new IllegalArgumentException(
          "service account JSON is larger than " + MAX_SERVICE_ACCOUNT_JSON_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the input, which holds the private key: say only where it broke.
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new IllegalArgumentException("service account JSON is not valid JSON" + where);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("service account JSON is not a JSON object");
    }
    RSAPrivateKey privateKey;
    try {
      privateKey = (RSAPrivateKey) Pem.pkcs8PrivateKey(field(root, "private_key"), "RSA");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("service account JSON field \"private_key\": " + e.getMessage());
    }
    return new FcmOptions(baseUrl, field(root, "project_id"), field(root, "client_email"),
        field(root, "private_key_id"), privateKey, uriField(root, "token_uri"), timeout);
  }

  @Override
  public String toString() {
    return "FcmOptions[baseUrl=" + baseUrl + ", projectId=" + projectId + ", clientEmail=" + clientEmail
        + ", privateKeyId=" + privateKeyId + ", privateKey=(hidden), tokenUri=" + tokenUri + ", timeout=" + timeout + "]";
  }

  private static String field(JsonNode root, String name) {
    JsonNode value = root.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("service account JSON lacks the text field \"" + name + "\"");
    }
    return value.asText();
  }

  private static URI uriField(JsonNode root, String name) {
    try {
      return new URI(field(root, name));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("service account JSON field \"" + name + "\" is not a URI");
    }
  }

  private static void requireWebUri(URI uri, String name) {
    requireNonNull(uri, name);
    if (!uri.isAbsolute() || !WEB_SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute http(s) URI, was " + uri);
    }
  }

  private static void requireNonBlank(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}

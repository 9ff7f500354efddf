package io.fitmesh.notification.adapters.push;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.List;

/**
 * How to reach APNs with token (.p8 key) authentication. Checked when built; {@link #toString()} never shows the key.
 *
 * @param host {@link #PRODUCTION_HOST} or {@link #DEVELOPMENT_HOST} (a fake in tests)
 * @param teamId the Apple developer team that owns the key
 * @param keyId the id Apple gave the signing key
 * @param signingKey the P-256 key from the .p8 file (see {@link #readSigningKey(Path)})
 * @param topic the app's bundle id
 * @param trustedServerCertificates the CAs to trust for the server; empty trusts the system's CAs
 * @param connectTimeout how long one connection attempt may take
 */
public record ApnsOptions(String host, int port, String teamId, String keyId, ECPrivateKey signingKey, String topic,
    List<X509Certificate> trustedServerCertificates, Duration connectTimeout) {

  public static final String PRODUCTION_HOST = "api.push.apple.com";
  public static final String DEVELOPMENT_HOST = "api.sandbox.push.apple.com";
  public static final int DEFAULT_PORT = 443;

  public ApnsOptions {
    requireNonBlank(host, "host");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    requireNonBlank(teamId, "teamId");
    requireNonBlank(keyId, "keyId");
    requireNonNull(signingKey, "signingKey");
    requireNonBlank(topic, "topic");
    trustedServerCertificates = List.copyOf(requireNonNull(trustedServerCertificates, "trustedServerCertificates"));
    requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
    }
  }

  /** Production APNs ({@link #PRODUCTION_HOST}:{@link #DEFAULT_PORT}), trusting the system's CAs. */
  public static ApnsOptions production(String teamId, String keyId, ECPrivateKey signingKey, String topic,
      Duration connectTimeout) {
    return new ApnsOptions(PRODUCTION_HOST, DEFAULT_PORT, teamId, keyId, signingKey, topic, List.of(), connectTimeout);
  }

  /**
   * The signing key in an APNs .p8 file (an unencrypted PKCS#8 PEM EC key).
   *
   * @throws IllegalArgumentException if the file holds no such key (the message never shows the file's content)
   */
  public static ECPrivateKey readSigningKey(Path p8File) throws IOException {
    return parseSigningKey(Pem.readSmallFile(p8File));
  }

  /** The signing key in the text of an APNs .p8 file; see {@link #readSigningKey(Path)}. */
  public static ECPrivateKey parseSigningKey(String pem) {
    return (ECPrivateKey) Pem.pkcs8PrivateKey(requireNonNull(pem, "pem"), "EC");
  }

  /**
   * The X.509 certificates in a PEM file, in file order.
   *
   * @throws IllegalArgumentException if the file holds none
   */
  public static List<X509Certificate> readCertificates(Path pemFile) throws IOException {
    return Pem.certificates(Pem.readSmallFile(pemFile));
  }

  @Override
  public String toString() {
    return "ApnsOptions[host=" + host + ", port=" + port + ", teamId=" + teamId + ", keyId=" + keyId
        + ", signingKey=(hidden), topic=" + topic + ", trustedServerCertificates=" + trustedServerCertificates.size()
        + ", connectTimeout=" + connectTimeout + "]";
  }

  private static void requireNonBlank(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}

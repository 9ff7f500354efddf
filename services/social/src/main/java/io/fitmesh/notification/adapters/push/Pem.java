package io.fitmesh.notification.adapters.push;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM key and certificate files with the JDK alone. Error messages name what was wrong, never the key's bytes.
 */
final class Pem {
  /** Key and certificate files are small: anything larger is not one. */
  static final int MAX_FILE_BYTES = 64 * 1024;

  private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
  private static final String PKCS8 = "PRIVATE KEY";

  private Pem() {}

  /** The unencrypted PKCS#8 ("BEGIN PRIVATE KEY") private key in {@code pem}, of the given algorithm (EC, RSA). */
  static PrivateKey pkcs8PrivateKey(String pem, String algorithm) {
    Matcher block = BLOCK.matcher(pem);
    if (!block.find()) {
      throw new IllegalArgumentException("no PEM block found");
    }
    if (!PKCS8.equals(block.group(1))) {
      throw new IllegalArgumentException(
          "expected an unencrypted PKCS#8 \"" + PKCS8 + "\" PEM block, found \"" + block.group(1) + "\"");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(block.group(2).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM block is not valid Base64");
    }
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("PEM block is not a PKCS#8 " + algorithm + " private key");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no " + algorithm + " key factory", e);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /** Every X.509 certificate in {@code pem} (one or more "BEGIN CERTIFICATE" blocks), in file order. */
  static List<X509Certificate> certificates(String pem) {
    try {
      List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(US_ASCII))).stream()
          .map(X509Certificate.class::cast)
          .toList();
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no certificate found");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM file of X.509 certificates");
    }
  }

  /** The text of a small file; refuses anything over {@link #MAX_FILE_BYTES}. */
  static String readSmallFile(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}

package io.fitmesh.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Real device files from ../shared/fixtures, copied into test resources with their licenses. */
public final class Fixtures {
  private Fixtures() {}

  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

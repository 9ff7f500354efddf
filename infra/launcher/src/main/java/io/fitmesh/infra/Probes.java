package io.fitmesh.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Readiness checks speaking just enough of each protocol. */
final class Probes {
  private Probes() {}

  static boolean portOpen(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** GET the URL; true when it answers 200 with a body containing {@code expected}. */
  static boolean httpSays(String url, String expected) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(3000);
      try (InputStream in = c.getInputStream()) {
        return c.getResponseCode() == 200
            && new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(expected);
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  /** Sends a RESP PING; true on +PONG. */
  static boolean redisPong(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      s.setSoTimeout(1000);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] buf = new byte[7];
      int n = s.getInputStream().read(buf);
      return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }
}

package io.fitmesh.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback between a client and a server, for tests of what crosses the wire: it counts the bytes
 * carried towards the server, can drop every connection at once (a lost mobile link), add latency to each chunk
 * it carries (a slow network) or carry nothing either way until healed (a partition: connections stay open and
 * silent, as they do when packets vanish).
 */
public final class TcpRelay implements AutoCloseable {
  private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  private final AtomicLong toServer = new AtomicLong();
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean partitioned;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tcp-relay");
    t.setDaemon(true);
    return t;
  });

  private TcpRelay(int serverPort) throws IOException {
    pumps.execute(() -> accept(serverPort));
  }

  /** Starts relaying from a free loopback port to 127.0.0.1:{@code serverPort}. */
  public static TcpRelay to(int serverPort) throws IOException {
    return new TcpRelay(serverPort);
  }

  /** host:port clients dial. */
  public String endpoint() {
    return "127.0.0.1:" + listener.getLocalPort();
  }

  /** Bytes carried from clients to the server so far. */
  public long bytesToServer() {
    return toServer.get();
  }

  /** Closes every connection through the relay abruptly (RST), without a word to either side. */
  public void dropConnections() {
    for (Socket socket : open) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException e) {
        // already closed
      }
    }
    open.clear();
  }

  /** Holds each chunk this long, each way, before passing it on ({@link Duration#ZERO} for none). */
  public void latency(Duration added) {
    if (added.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, was " + added);
    }
    latency = added;
  }

  /** Carries nothing either way (what was read waits) until {@link #heal}. */
  public void partition() {
    partitioned = true;
  }

  /** Ends a partition: what waited is carried on. */
  public void heal() {
    partitioned = false;
  }

  private void accept(int serverPort) {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      try {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        open.add(client);
        open.add(server);
        pumps.execute(() -> pump(client, server, toServer));
        pumps.execute(() -> pump(server, client, new AtomicLong()));
      } catch (IOException serverDown) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to, AtomicLong counted) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        holdWhileSlowOrPartitioned();
        out.write(buffer, 0, n);
        counted.addAndGet(n);
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // one side went away: this direction ends
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to tell
    }
  }

  private void holdWhileSlowOrPartitioned() throws IOException {
    try {
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      while (partitioned && !listener.isClosed()) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("relay closed");
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    dropConnections();
    pumps.shutdownNow();
  }
}

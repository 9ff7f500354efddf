package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class FitmeshCliTest {

  @Command(name = "fails")
  static final class Fails implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      IllegalStateException cause = new IllegalStateException("exec failed");
      throw new IOException("redis-server is not installed: run apt-get install -y redis-server",
          new java.io.UncheckedIOException(new IOException(cause)));
    }
  }

  @Test
  void aCommandThatFails_printsWhatWentWrongWithoutAStackTrace_andExitsWithOne() {
    CommandLine cli = FitmeshCli.commandLine();
    cli.addSubcommand(new CommandLine(new Fails()));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));

    int exit = cli.execute("fails");

    String printed = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(1);
    assertThat(printed).isEqualTo("fitmesh fails: redis-server is not installed: run apt-get install -y redis-server"
        + " (exec failed)" + System.lineSeparator());
  }
}

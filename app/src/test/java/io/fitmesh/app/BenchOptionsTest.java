package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void repeat_outOfRange_isRefusedBeforeAnyRun_forEveryBench() {
    for (String bench : new String[] {"ingest", "leaderboard", "feed", "reco", "long", "all"}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream original = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit;
      try {
        exit = FitmeshCli.commandLine().execute("bench", bench, "--repeat", "21", "--no-record");
      } finally {
        System.setErr(original);
      }
      assertThat(exit).as(bench).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).as(bench).contains("--repeat must be 1..20");
    }
  }

  @Test
  void benchAll_saysWhatItRuns() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(FitmeshCli.commandLine().execute("bench", "all", "--help")).isZero();
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("ingest, leaderboard, feed, reco, long")
        .contains("--repeat=N");
  }
}

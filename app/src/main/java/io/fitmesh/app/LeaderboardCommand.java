package io.fitmesh.app;

import io.fitmesh.challenge.ChallengeBackends;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** fitmesh leaderboard rebuild: a live board made again from CQL, e.g. after Redis lost its data. */
@Command(
    name = "leaderboard",
    mixinStandardHelpOptions = true,
    description = "Work on the live leaderboards in Redis (local or cluster backends).",
    subcommands = {LeaderboardCommand.Rebuild.class})
final class LeaderboardCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "rebuild", mixinStandardHelpOptions = true,
      description = {
        "Rebuild the live leaderboards of the given challenges from the participants and scores in CQL,",
        "replacing what Redis holds (readers see the old board or the new one, never half of one)."
      })
  static final class Rebuild implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CHALLENGE_ID", description = "The challenges to rebuild.")
    java.util.List<String> challengeIds;

    @Option(names = "--backends", paramLabel = "KIND", defaultValue = "local",
        description = "local (this machine's servers; default) or cluster (FITMESH_* addresses).")
    Backends backends;

    @Override
    public Integer call() {
      if (backends == Backends.EMBEDDED) {
        System.err.println("fitmesh leaderboard rebuild: embedded boards live inside 'fitmesh run' only");
        return 2;
      }
      try (PlatformRuntime runtime = PlatformRuntime.open(
          PlatformConfig.from(Settings.fromEnvironment(), backends), "fitmesh-leaderboard")) {
        ChallengeBackends challenges = ChallengeBackends.open(runtime);
        for (String id : challengeIds) {
          long started = System.nanoTime();
          System.out.printf("rebuilding the board of %s ...%n", id);
          int count = challenges.rebuildBoard(id);
          System.out.printf("  %d participants on the board (%d ms)%n", count,
              (System.nanoTime() - started) / 1_000_000);
        }
        return 0;
      } catch (ConfigException | BackendUnreachableException | DomainException e) {
        System.err.println("fitmesh leaderboard rebuild: " + e.getMessage());
        return 1;
      }
    }
  }
}

package io.fitmesh.app;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.social.SocialBackends;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** fitmesh feed rebuild: home timelines made again from CQL (a missing one is also rebuilt on its next read). */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = "Work on the home timelines in Redis (local or cluster backends).",
    subcommands = {FeedCommand.Rebuild.class})
final class FeedCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "rebuild", mixinStandardHelpOptions = true,
      description = {
        "Rebuild the home timelines of the given athletes from the follow graph and activities in CQL, replacing",
        "what Redis holds. Not needed after a Redis loss: a missing timeline is rebuilt when it is next read."
      })
  static final class Rebuild implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "ATHLETE_ID", description = "Whose timelines to rebuild.")
    List<String> athleteIds;

    @Option(names = "--backends", paramLabel = "KIND", defaultValue = "local",
        description = "local (this machine's servers; default) or cluster (FITMESH_* addresses).")
    Backends backends;

    @Override
    public Integer call() {
      if (backends == Backends.EMBEDDED) {
        System.err.println("fitmesh feed rebuild: embedded timelines live inside 'fitmesh run' only");
        return 2;
      }
      try (PlatformRuntime runtime = PlatformRuntime.open(
          PlatformConfig.from(Settings.fromEnvironment(), backends), "fitmesh-feed")) {
        SocialBackends social = SocialBackends.open(runtime);
        long started = System.nanoTime();
        int done = 0;
        for (String athlete : athleteIds) {
          int entries = social.rebuildTimeline(athlete, runtime.clock());
          done++;
          double seconds = (System.nanoTime() - started) / 1e9;
          System.out.printf("%s: %d entries (%d of %d, %.0f/s)%n", athlete, entries, done, athleteIds.size(),
              done / Math.max(seconds, 1e-3));
        }
        return 0;
      } catch (ConfigException | BackendUnreachableException | DomainException e) {
        System.err.println("fitmesh feed rebuild: " + e.getMessage());
        return 1;
      }
    }
  }
}

package io.fitmesh.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The fitmesh command. */
@Command(
    name = "fitmesh",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "FitMesh: the open backend for fitness platforms.",
    subcommands = {RunCommand.class, InfraCommand.class, TokenCommand.class, LeaderboardCommand.class, FeedCommand.class,
        EventsCommand.class, PromoCommand.class, CommerceCommand.class,
        BenchCommand.class, SimulateCommand.class, EnvoyCommand.class,
        VersionCommand.class,
        CommandLine.HelpCommand.class})
public final class FitmeshCli implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new FitmeshCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}

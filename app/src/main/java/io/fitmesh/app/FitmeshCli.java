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
    return new CommandLine(new FitmeshCli()).setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(FitmeshCli::reportFailure);
  }

  /**
   * A command that fails says what went wrong in one line (its message, then its causes' in brackets) and exits
   * with 1; a stack trace tells a user nothing they can act on.
   */
  private static int reportFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
    StringBuilder line = new StringBuilder(command.getCommandSpec().qualifiedName()).append(": ")
        .append(messageOf(failure));
    for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      line.append(" (").append(messageOf(cause)).append(')');
    }
    command.getErr().println(line);
    return 1;
  }

  private static String messageOf(Throwable failure) {
    return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
  }
}

package io.fitmesh.app;

import java.util.ArrayList;
import java.util.List;
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
   * A command that fails says what went wrong in one line and exits with 1: its message, then its causes' in
   * brackets, each once, leaving out wrappers that only repeat their cause; a stack trace tells a user nothing they
   * can act on.
   */
  private static int reportFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
    List<String> said = new ArrayList<>();
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      boolean onlyWraps = t.getCause() != null && String.valueOf(t.getMessage()).equals(t.getCause().toString());
      String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
      if (!onlyWraps && !said.contains(message)) {
        said.add(message);
      }
    }
    if (said.isEmpty()) {
      said.add(String.valueOf(failure.getMessage()));
    }
    StringBuilder line = new StringBuilder(command.getCommandSpec().qualifiedName()).append(": ").append(said.get(0));
    said.subList(1, said.size()).forEach(cause -> line.append(" (").append(cause).append(')'));
    command.getErr().println(line);
    return 1;
  }
}

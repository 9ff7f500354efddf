package io.fitmesh.app;

import io.fitmesh.infra.InfraLauncher;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** fitmesh infra up|down|status: the real local servers of local mode and the integration tests. */
@Command(
    name = "infra",
    mixinStandardHelpOptions = true,
    description = {
      "Start, stop or inspect the local Pulsar standalone, CQL server (Cassandra 5.0) and Redis.",
      "They run as their own processes on 127.0.0.1 (Pulsar 16650/18080, CQL 19042, Redis 16379),",
      "with data, config and logs under .run/infra/. 'up' starts from empty data."
    },
    subcommands = {InfraCommand.Up.class, InfraCommand.Down.class, InfraCommand.Status.class})
final class InfraCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  abstract static class ServerAction implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "SERVER",
        description = "pulsar, cql or redis (default: all)")
    List<String> servers = InfraLauncher.ALL;

    List<String> servers() {
      servers.forEach(name -> {
        if (!InfraLauncher.ALL.contains(name)) {
          throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
              "unknown server '" + name + "'; known: " + InfraLauncher.ALL);
        }
      });
      return servers;
    }
  }

  @Command(name = "up", mixinStandardHelpOptions = true, description = "Start the servers and wait until they answer.")
  static final class Up extends ServerAction {
    @Override
    public Integer call() throws Exception {
      InfraLauncher.forCheckout(System.out).up(servers());
      return 0;
    }
  }

  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Stop the servers 'up' started (their data stays until the next up).")
  static final class Down extends ServerAction {
    @Override
    public Integer call() throws Exception {
      InfraLauncher.forCheckout(System.out).down(servers());
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Show whether each server answers.")
  static final class Status extends ServerAction {
    @Override
    public Integer call() {
      InfraLauncher.forCheckout(System.out).status(servers()).forEach(System.out::println);
      return 0;
    }
  }
}

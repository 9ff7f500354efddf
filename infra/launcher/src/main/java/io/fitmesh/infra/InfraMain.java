package io.fitmesh.infra;

import java.util.Arrays;
import java.util.List;

/**
 * {@code InfraMain up|down|status [pulsar] [cql] [redis]}: the launcher without the fitmesh CLI, for scripts
 * and CI (it needs nothing but this module's classes). No server names means all of them.
 */
public final class InfraMain {
  private InfraMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !List.of("up", "down", "status").contains(args[0])) {
      System.err.println("usage: InfraMain up|down|status [" + String.join("] [", InfraLauncher.ALL) + "]");
      System.exit(2);
    }
    List<String> names = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : InfraLauncher.ALL;
    names.forEach(InfraLauncher::server);
    InfraLauncher launcher = InfraLauncher.forCheckout(System.out);
    try {
      switch (args[0]) {
        case "up" -> launcher.up(names);
        case "down" -> launcher.down(names);
        default -> launcher.status(names).forEach(System.out::println);
      }
    } catch (Exception e) {
      System.err.println("infra " + args[0] + " failed: " + e.getMessage());
      System.exit(1);
    }
  }
}

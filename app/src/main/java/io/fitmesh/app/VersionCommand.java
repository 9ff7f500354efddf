package io.fitmesh.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** fitmesh version. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print FitMesh's version.")
final class VersionCommand implements Runnable {

  @Override
  public void run() {
    System.out.println(version());
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionCommand.class.getResourceAsStream("/fitmesh-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "fitmesh (version unknown)";
    }
    return "fitmesh " + p.getProperty("version", "(version unknown)") + " (Java " + Runtime.version() + ")";
  }

  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {version()};
    }
  }
}

package io.fitmesh.platform.storage;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a service's CQL schema, once per version, into its own keyspace. The schema is one classpath resource
 * ({@code db/cql/<service>.cql}) of numbered migrations, each headed {@code -- migration N: what it does}, with
 * statements ending in {@code ;}. Applied versions are recorded with a checksum in
 * {@code <keyspace>.schema_migrations}; running again skips them, and an applied migration whose text changed
 * is refused (add a new migration instead). Statements should be idempotent (IF NOT EXISTS) so two instances
 * migrating at once do no harm.
 */
public final class CqlMigrations {
  private static final Logger log = LoggerFactory.getLogger(CqlMigrations.class);
  private static final Pattern HEADER = Pattern.compile("^--\\s*migration\\s+(\\d+):\\s*(.+)$", Pattern.MULTILINE);
  private static final Pattern KEYSPACE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  /** One numbered step of a schema. */
  public record Migration(int version, String description, List<String> statements, String checksum) {}

  private final String keyspace;
  private final List<Migration> migrations;

  private CqlMigrations(String keyspace, List<Migration> migrations) {
    this.keyspace = keyspace;
    this.migrations = List.copyOf(migrations);
  }

  /** Reads {@code db/cql/<service>.cql} from the classpath; the keyspace is {@code fitmesh_<service>}. */
  public static CqlMigrations forService(String service) {
    String resource = "db/cql/" + service + ".cql";
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no schema resource " + resource + " on the classpath");
      }
      return parse("fitmesh_" + service, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  /** Parses a schema text; versions must start at 1 and rise by one. */
  public static CqlMigrations parse(String keyspace, String text) {
    if (!KEYSPACE.matcher(requireNonNull(keyspace, "keyspace")).matches()) {
      throw new IllegalArgumentException("bad keyspace name " + keyspace);
    }
    Matcher m = HEADER.matcher(text);
    List<int[]> bounds = new ArrayList<>();
    List<String[]> heads = new ArrayList<>();
    while (m.find()) {
      bounds.add(new int[] {m.start(), m.end()});
      heads.add(new String[] {m.group(1), m.group(2).trim()});
    }
    List<Migration> migrations = new ArrayList<>();
    for (int i = 0; i < bounds.size(); i++) {
      int version = Integer.parseInt(heads.get(i)[0]);
      if (version != i + 1) {
        throw new IllegalArgumentException("migration " + version + " is out of order; expected " + (i + 1));
      }
      int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : text.length();
      String body = text.substring(bounds.get(i)[1], end);
      migrations.add(new Migration(version, heads.get(i)[1], statements(body), sha256(body.strip())));
    }
    return new CqlMigrations(keyspace, migrations);
  }

  /** The same migrations into another keyspace (tests keep their rows apart from a running service's). */
  public CqlMigrations inKeyspace(String otherKeyspace) {
    if (!KEYSPACE.matcher(requireNonNull(otherKeyspace, "otherKeyspace")).matches()) {
      throw new IllegalArgumentException("bad keyspace name " + otherKeyspace);
    }
    return new CqlMigrations(otherKeyspace, migrations);
  }

  public String keyspace() {
    return keyspace;
  }

  public List<Migration> migrations() {
    return migrations;
  }

  /**
   * Creates the keyspace if needed and applies the migrations not yet recorded.
   *
   * @param replication a CQL replication map, e.g. {@code {'class': 'SimpleStrategy', 'replication_factor': 1}}
   * @return how many migrations were applied now
   */
  public int migrate(CqlSession session, String replication) {
    session.execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication);
    session.execute("CREATE TABLE IF NOT EXISTS " + keyspace + ".schema_migrations ("
        + "version int PRIMARY KEY, description text, checksum text, applied_at timestamp)");
    int applied = 0;
    for (Migration migration : migrations) {
      Row done = session.execute(SimpleStatement.newInstance(
          "SELECT checksum FROM " + keyspace + ".schema_migrations WHERE version = ?", migration.version())).one();
      if (done != null) {
        if (!migration.checksum().equals(done.getString("checksum"))) {
          throw new IllegalStateException(keyspace + " migration " + migration.version()
              + " was applied with other text; never edit an applied migration, add a new one");
        }
        continue;
      }
      log.info("{}: applying migration {} ({})", keyspace, migration.version(), migration.description());
      for (String statement : migration.statements()) {
        session.execute(statement.replace("{keyspace}", keyspace));
      }
      session.execute(SimpleStatement.newInstance("INSERT INTO " + keyspace + ".schema_migrations "
              + "(version, description, checksum, applied_at) VALUES (?, ?, ?, ?) IF NOT EXISTS",
          migration.version(), migration.description(), migration.checksum(), Instant.now()));
      applied++;
    }
    return applied;
  }

  private static List<String> statements(String body) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : body.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(trimmed).append(' ');
      if (trimmed.endsWith(";")) {
        statements.add(current.toString().strip().replaceAll(";$", ""));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalArgumentException("statement without a closing ';': " + current.toString().strip());
    }
    return statements;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

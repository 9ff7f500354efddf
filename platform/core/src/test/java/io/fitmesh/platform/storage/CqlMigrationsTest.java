package io.fitmesh.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CqlMigrationsTest {

  @Test
  void parse_splitsMigrationsAndStatements_skippingComments() {
    CqlMigrations schema = CqlMigrations.parse("fitmesh_test", """
        -- migration 1: samples
        -- raw samples by workout
        CREATE TABLE IF NOT EXISTS {keyspace}.samples (
          workout_id text, seq int, PRIMARY KEY (workout_id, seq));
        CREATE TABLE IF NOT EXISTS {keyspace}.cursors (workout_id text PRIMARY KEY, seq int);

        -- migration 2: workouts
        CREATE TABLE IF NOT EXISTS {keyspace}.workouts (id text PRIMARY KEY);
        """);

    assertThat(schema.keyspace()).isEqualTo("fitmesh_test");
    assertThat(schema.migrations()).hasSize(2);
    assertThat(schema.migrations().get(0).description()).isEqualTo("samples");
    assertThat(schema.migrations().get(0).statements()).containsExactly(
        "CREATE TABLE IF NOT EXISTS {keyspace}.samples ( workout_id text, seq int, PRIMARY KEY (workout_id, seq))",
        "CREATE TABLE IF NOT EXISTS {keyspace}.cursors (workout_id text PRIMARY KEY, seq int)");
    assertThat(schema.migrations().get(1).version()).isEqualTo(2);
  }

  @Test
  void parse_sameText_givesTheSameChecksum_editedTextAnother() {
    String text = "-- migration 1: t\nCREATE TABLE {keyspace}.t (id int PRIMARY KEY);\n";

    String once = CqlMigrations.parse("ks", text).migrations().get(0).checksum();
    String again = CqlMigrations.parse("ks", text).migrations().get(0).checksum();
    String edited = CqlMigrations.parse("ks", text.replace("int", "text")).migrations().get(0).checksum();

    assertThat(once).isEqualTo(again).isNotEqualTo(edited);
  }

  @Test
  void parse_versionsOutOfOrder_areRefused() {
    assertThatThrownBy(() -> CqlMigrations.parse("ks", "-- migration 2: x\nCREATE TABLE {keyspace}.x (a int PRIMARY KEY);"))
        .hasMessage("migration 2 is out of order; expected 1");
  }

  @Test
  void parse_statementWithoutSemicolon_isRefused() {
    assertThatThrownBy(() -> CqlMigrations.parse("ks", "-- migration 1: x\nCREATE TABLE {keyspace}.x (a int PRIMARY KEY)"))
        .hasMessageContaining("without a closing ';'");
  }

  @Test
  void parse_badKeyspaceName_isRefused() {
    assertThatThrownBy(() -> CqlMigrations.parse("drop table; --", ""))
        .hasMessageContaining("bad keyspace name");
  }
}

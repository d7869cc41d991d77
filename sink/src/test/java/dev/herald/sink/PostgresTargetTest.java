package dev.herald.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.sink.TargetSpec.Postgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Against a real PostgreSQL server: {@code HERALD_TEST_PG_URL}, {@code HERALD_TEST_PG_USER} and
 * {@code HERALD_TEST_PG_PASSWORD} (what {@code .ci/postgres} prints), by default herald_test on
 * 127.0.0.1:5432. Skips when no server answers. Every test has a table of its own.
 */
class PostgresTargetTest {

  private static final String URL =
      env("HERALD_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/herald_test");
  private static final String USER = env("HERALD_TEST_PG_USER", "herald_test");
  private static final String PASSWORD = env("HERALD_TEST_PG_PASSWORD", "herald_test");

  private final String table = "herald_alerts_" + UUID.randomUUID().toString().replace("-", "");
  private final List<String> tables = new ArrayList<>(List.of(table));

  @AfterEach
  void dropTables() throws SQLException {
    if (!reachable()) {
      return;
    }
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      for (String t : tables) {
        st.execute("DROP TABLE IF EXISTS " + t);
      }
    }
  }

  @Test
  void shouldCreateTheTableOnStartAndStartAgainOnIt() throws Exception {
    // Given
    assumeServer();

    // When
    new PostgresTarget(spec(table)).close();
    try (PostgresTarget again = new PostgresTarget(spec(table))) {
      again.deliver(List.of(Alerts.possible("a1")));
    }

    // Then
    assertThat(count("SELECT count(*) FROM " + table)).isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = '"
                    + table
                    + "' AND column_name IN ('alert_id', 'alert', 'detected_at', 'version')"))
        .isEqualTo(4);
  }

  @Test
  void shouldStoreEachAlertOnceWhenABatchIsDeliveredAgain() throws Exception {
    // Given
    assumeServer();
    List<ScheduleChangeAlert> batch = List.of(Alerts.possible("a1"), Alerts.possible("a2"));
    try (PostgresTarget target = new PostgresTarget(spec(table))) {

      // When
      int first = target.deliver(batch);
      int second = target.deliver(batch);

      // Then
      assertThat(first).isEqualTo(2);
      assertThat(second).isZero();
    }
    assertThat(count("SELECT count(*) FROM " + table)).isEqualTo(2);
    assertThat(count("SELECT max(version) FROM " + table)).isEqualTo(1);
  }

  @Test
  void shouldReplaceTheRowWithANewerVersionOfTheAlert() throws Exception {
    // Given
    assumeServer();
    try (PostgresTarget target = new PostgresTarget(spec(table))) {
      target.deliver(List.of(Alerts.possible("a1")));

      // When
      int changed = target.deliver(List.of(Alerts.confirmed("a1")));

      // Then
      assertThat(changed).isEqualTo(1);
    }
    assertThat(
            text(
                "SELECT certainty || ' ' || source_count || ' ' || version || ' '"
                    + " || (alert ->> 'sourceCount') || ' ' || current_value FROM "
                    + table
                    + " WHERE alert_id = 'a1'"))
        .isEqualTo("CONFIRMED 2 2 2 2025-09");
  }

  @Test
  void shouldNotOverwriteANewerVersionWithAnOlderOneReadAgain() throws Exception {
    // Given the newer version is stored
    assumeServer();
    try (PostgresTarget target = new PostgresTarget(spec(table))) {
      target.deliver(List.of(Alerts.possible("a1"), Alerts.confirmed("a1")));

      // When the older one comes again (a consumer rewound after a crash)
      int changed = target.deliver(List.of(Alerts.possible("a1")));

      // Then
      assertThat(changed).isZero();
    }
    assertThat(text("SELECT certainty FROM " + table + " WHERE alert_id = 'a1'"))
        .isEqualTo("CONFIRMED");
  }

  @Test
  void shouldIgnoreARedetectionThatOnlyChangesDetectedAt() throws Exception {
    // Given
    assumeServer();
    ScheduleChangeAlert redetected = Alerts.possible("a1");
    redetected.setDetectedAt(Instant.parse("2025-06-01T00:00:00Z"));
    try (PostgresTarget target = new PostgresTarget(spec(table))) {
      target.deliver(List.of(Alerts.possible("a1")));

      // When
      int changed = target.deliver(List.of(redetected));

      // Then
      assertThat(changed).isZero();
    }
    assertThat(count("SELECT version FROM " + table)).isEqualTo(1);
  }

  @Test
  void shouldFailABatchOnALostConnectionAndStoreItOnTheNextTry() throws Exception {
    // Given a target whose connection the server ends (waiting until the backend is gone)
    assumeServer();
    try (PostgresTarget target = new PostgresTarget(spec(table))) {
      target.deliver(List.of(Alerts.possible("a1")));
      try (Connection c = connect();
          Statement st = c.createStatement()) {
        st.execute(
            "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name ="
                + " 'herald-sink' AND usename = current_user AND pid <> pg_backend_pid()");
      }

      // When
      List<ScheduleChangeAlert> batch = List.of(Alerts.possible("a2"));
      assertThatThrownBy(() -> target.deliver(batch)).isInstanceOf(IOException.class);
      int retried = target.deliver(batch);

      // Then
      assertThat(retried).isEqualTo(1);
    }
    assertThat(count("SELECT count(*) FROM " + table)).isEqualTo(2);
  }

  @Test
  void shouldUseASchemaQualifiedTable() throws Exception {
    // Given
    assumeServer();
    String qualified = "public." + table;

    // When
    try (PostgresTarget target = new PostgresTarget(spec(qualified))) {
      target.deliver(List.of(Alerts.possible("a1")));
    }

    // Then
    assertThat(count("SELECT count(*) FROM " + qualified)).isEqualTo(1);
  }

  @Test
  void shouldRefuseToStartWithoutAServerAndNotShowThePassword() {
    // Given a port nothing listens on
    Postgres spec =
        new Postgres(
            "jdbc:postgresql://127.0.0.1:1/herald?connectTimeout=2",
            "someone",
            new Secret("pa55word"),
            null);

    // When / Then
    assertThatThrownBy(() -> new PostgresTarget(spec))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageNotContaining("pa55word");
    assertThat(spec.toString()).doesNotContain("pa55word");
  }

  private Postgres spec(String tableName) {
    return new Postgres(URL, USER, new Secret(PASSWORD), tableName);
  }

  private static void assumeServer() {
    Assumptions.assumeTrue(
        reachable(),
        "No PostgreSQL at "
            + URL
            + " as "
            + USER
            + ": skipping (`eval \"$(bash .ci/postgres)\"` starts one)");
  }

  private static Boolean reachable;

  private static synchronized boolean reachable() {
    if (reachable == null) {
      try (Connection c = connect()) {
        reachable = c.isValid(5);
      } catch (SQLException e) {
        reachable = false;
      }
    }
    return reachable;
  }

  private static Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("password", PASSWORD);
    p.setProperty("connectTimeout", "3");
    p.setProperty("loginTimeout", "3");
    return DriverManager.getConnection(URL, p);
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String text(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}

package dev.herald.sink;

import dev.herald.avro.ScheduleChangeAlert;
import dev.herald.avro.TimeValue;
import dev.herald.sink.TargetSpec.Postgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts to a PostgreSQL table, one row per alert id holding its latest version.
 *
 * <p>The table is created on start when missing (under an advisory lock, so several sinks may start
 * together). A batch is one transaction of upserts keyed by {@code alert_id}: {@code INSERT … ON
 * CONFLICT (alert_id) DO UPDATE … WHERE} the content differs and the version is not older ({@code
 * detected_at}). A re-delivered batch therefore changes nothing, and an older version read again
 * after a newer one does not overwrite it: at-least-once delivery, stored once. {@code version}
 * counts the distinct versions stored; {@code alert} holds the whole plain JSON (jsonb).
 *
 * <p>A lost connection fails the batch (the sink delivers it again) and is reopened on the next
 * one. The password is never logged.
 */
public final class PostgresTarget implements AlertTarget {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresTarget.class);
  private static final int LOGIN_TIMEOUT_SECONDS = 10;
  private static final int SOCKET_TIMEOUT_SECONDS = 60;

  private final Postgres spec;
  private final String table;
  private final String upsert;
  private Connection connection;

  /**
   * Connects and creates the table when missing.
   *
   * @throws IOException when the database cannot be reached or the table not created
   */
  public PostgresTarget(Postgres spec) throws IOException {
    List<String> problems = spec.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    this.spec = spec;
    this.table = spec.table();
    this.upsert = upsertSql(table);
    try {
      createSchema(connection());
    } catch (SQLException e) {
      closeConnection();
      throw new IOException("Cannot prepare " + spec.describe() + ": " + e.getMessage(), e);
    }
  }

  /** The DDL: the table and its event index. */
  static String createSql(String table) {
    String index = table.replace('.', '_') + "_event_id";
    return "CREATE TABLE IF NOT EXISTS "
        + table
        + " (\n"
        + "  alert_id       text PRIMARY KEY,\n"
        + "  event_id       text NOT NULL,\n"
        + "  event_name     text NOT NULL,\n"
        + "  location       text,\n"
        + "  kind           text NOT NULL,\n"
        + "  certainty      text NOT NULL,\n"
        + "  confidence     double precision NOT NULL,\n"
        + "  previous_value text NOT NULL,\n"
        + "  previous_text  text NOT NULL,\n"
        + "  current_value  text,\n"
        + "  current_text   text,\n"
        + "  summary        text NOT NULL,\n"
        + "  source_count   integer NOT NULL,\n"
        + "  supersedes     text,\n"
        + "  detected_at    timestamptz NOT NULL,\n"
        + "  content_hash   text NOT NULL,\n"
        + "  alert          jsonb NOT NULL,\n"
        + "  version        integer NOT NULL DEFAULT 1,\n"
        + "  first_stored_at timestamptz NOT NULL DEFAULT now(),\n"
        + "  updated_at     timestamptz NOT NULL DEFAULT now()\n"
        + ");\n"
        + "CREATE INDEX IF NOT EXISTS "
        + index
        + " ON "
        + table
        + " (event_id)";
  }

  private static String upsertSql(String table) {
    return "INSERT INTO "
        + table
        + " AS t (alert_id, event_id, event_name, location, kind, certainty, confidence,"
        + " previous_value, previous_text, current_value, current_text, summary, source_count,"
        + " supersedes, detected_at, content_hash, alert)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))"
        + " ON CONFLICT (alert_id) DO UPDATE SET"
        + " event_id = EXCLUDED.event_id, event_name = EXCLUDED.event_name,"
        + " location = EXCLUDED.location, kind = EXCLUDED.kind, certainty = EXCLUDED.certainty,"
        + " confidence = EXCLUDED.confidence, previous_value = EXCLUDED.previous_value,"
        + " previous_text = EXCLUDED.previous_text, current_value = EXCLUDED.current_value,"
        + " current_text = EXCLUDED.current_text, summary = EXCLUDED.summary,"
        + " source_count = EXCLUDED.source_count, supersedes = EXCLUDED.supersedes,"
        + " detected_at = EXCLUDED.detected_at, content_hash = EXCLUDED.content_hash,"
        + " alert = EXCLUDED.alert, version = t.version + 1, updated_at = now()"
        + " WHERE t.content_hash <> EXCLUDED.content_hash"
        + " AND t.detected_at <= EXCLUDED.detected_at";
  }

  @Override
  public String name() {
    return spec.describe();
  }

  /** The table written to. */
  public String table() {
    return table;
  }

  @Override
  public int deliver(List<ScheduleChangeAlert> alerts) throws IOException {
    if (alerts.isEmpty()) {
      return 0;
    }
    try {
      Connection c = connection();
      try (PreparedStatement ps = c.prepareStatement(upsert)) {
        for (ScheduleChangeAlert a : alerts) {
          bind(ps, a);
          ps.addBatch();
        }
        int changed = 0;
        for (int n : ps.executeBatch()) {
          changed += n == Statement.SUCCESS_NO_INFO ? 1 : n;
        }
        c.commit();
        return changed;
      } catch (SQLException e) {
        rollbackQuietly(c);
        throw e;
      }
    } catch (SQLException e) {
      // The connection may be broken: open a fresh one for the re-delivered batch.
      closeConnection();
      throw new IOException(
          "Cannot store " + alerts.size() + " alert(s) in " + name() + ": " + message(e), e);
    }
  }

  private static void bind(PreparedStatement ps, ScheduleChangeAlert a) throws SQLException {
    AlertVersions.Rendered r = AlertVersions.render(a);
    TimeValue previous = a.getPrevious();
    TimeValue current = a.getCurrent();
    int i = 1;
    ps.setString(i++, a.getAlertId());
    ps.setString(i++, a.getEventId());
    ps.setString(i++, a.getEventName());
    setNullable(ps, i++, a.getLocation());
    ps.setString(i++, a.getKind().name());
    ps.setString(i++, a.getCertainty().name());
    ps.setDouble(i++, a.getConfidence());
    ps.setString(i++, previous.getValue());
    ps.setString(i++, previous.getText());
    setNullable(ps, i++, current == null ? null : current.getValue());
    setNullable(ps, i++, current == null ? null : current.getText());
    ps.setString(i++, a.getSummary());
    ps.setInt(i++, a.getSourceCount());
    setNullable(ps, i++, a.getSupersedes());
    ps.setTimestamp(i++, Timestamp.from(a.getDetectedAt()));
    ps.setString(i++, r.contentHash());
    ps.setString(i, r.json());
  }

  private static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      Properties props = new Properties();
      if (spec.user() != null) {
        props.setProperty("user", spec.user());
      }
      if (!spec.password().isEmpty()) {
        props.setProperty("password", spec.password().reveal());
      }
      // Settings in the URL win over these defaults.
      props.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
      props.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
      props.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
      props.setProperty("ApplicationName", "herald-sink");
      connection = DriverManager.getConnection(spec.jdbcUrl(), props);
      connection.setAutoCommit(false);
      LOG.info("Connected to {}", name());
    }
    return connection;
  }

  private void createSchema(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      // CREATE … IF NOT EXISTS is not safe against a concurrent creator: serialise the sinks.
      st.execute("SELECT pg_advisory_xact_lock(hashtext('herald-sink:' || '" + table + "'))");
      for (String ddl : createSql(table).split(";\n")) {
        st.execute(ddl);
      }
      c.commit();
    } catch (SQLException e) {
      rollbackQuietly(c);
      throw e;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.debug("Rollback failed: {}", e.toString());
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing {} failed: {}", name(), e.toString());
      }
      connection = null;
    }
  }

  /** The driver's message: it names the server and the role, never the password. */
  private static String message(SQLException e) {
    return e.getSQLState() == null
        ? e.getMessage()
        : e.getMessage() + " (SQLState " + e.getSQLState() + ")";
  }

  @Override
  public void close() {
    closeConnection();
  }
}

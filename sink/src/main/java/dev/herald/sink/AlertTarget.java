package dev.herald.sink;

import dev.herald.avro.ScheduleChangeAlert;
import java.io.IOException;
import java.util.List;

/**
 * Somewhere alerts are delivered to: a file, a webhook, a database table.
 *
 * <p>The contract that makes delivery at-least-once: when {@link #deliver} returns, every alert of
 * the batch is durable at the target (fsynced, acknowledged, committed, or dead-lettered), because
 * the sink commits the consumer offsets right after. When it throws, the sink commits nothing and
 * hands the same batch again, so a target must accept a batch twice; each one uses the alert id
 * (and its content) to deliver a version only once. Called from one thread.
 */
public interface AlertTarget extends AutoCloseable {

  /** A short description for logs and metrics, without secrets (no passwords, no webhook paths). */
  String name();

  /**
   * Delivers a batch, in order, durably.
   *
   * @return how many alert versions were new to this target (the rest it already had)
   * @throws IOException when the batch could not be made durable; the sink will hand it again
   */
  int deliver(List<ScheduleChangeAlert> alerts) throws IOException;

  /** Releases files, connections and threads. Idempotent. */
  @Override
  void close() throws IOException;
}

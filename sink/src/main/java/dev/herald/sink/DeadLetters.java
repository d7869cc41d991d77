package dev.herald.sink;

import dev.herald.avro.DeadLetter;
import java.io.IOException;

/** Where alerts a target gave up on go: {@code herald.dlq} ({@link KafkaDeadLetters}). */
@FunctionalInterface
public interface DeadLetters {

  /**
   * Stores a dead letter durably before returning (the sink commits the offsets right after).
   *
   * @param key the source record's key (the alert id)
   * @throws IOException when it could not be stored; the batch is then delivered again
   */
  void send(String key, DeadLetter letter) throws IOException;
}

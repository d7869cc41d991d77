package dev.herald.ingest.page;

import dev.herald.avro.RawArticle;
import dev.herald.schemas.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles whose page is done to the raw-article topic with the ingest service's own
 * (idempotent, acks=all) producer, keyed by the feed-derived article id like every other article.
 */
public final class KafkaPageSink implements PageStage.Sink {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaPageSink.class);

  private final Producer<byte[], byte[]> producer;
  private final Serializer<String> keys = Topics.ARTICLES_RAW.keySerde().serializer();
  private final Serializer<RawArticle> values = Topics.ARTICLES_RAW.valueSerde().serializer();

  public KafkaPageSink(Producer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  @Override
  public void publish(RawArticle article) {
    String topic = Topics.ARTICLES_RAW.name();
    producer.send(
        new ProducerRecord<>(
            topic, keys.serialize(topic, article.getId()), values.serialize(topic, article)),
        (metadata, e) -> {
          if (e != null) {
            LOG.warn("Article {} (with its page) not published: {}", article.getId(), e.toString());
          }
        });
  }
}

package dev.herald.enrich;

import dev.herald.avro.DedupeCluster;
import dev.herald.avro.DedupeCopy;
import dev.herald.avro.DedupeMessage;
import dev.herald.avro.DedupeVote;
import dev.herald.avro.EnrichedArticle;
import dev.herald.avro.RawArticle;
import java.time.Clock;
import java.util.ArrayList;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Records a copy on its canonical's cluster (the stream arrives keyed by canonical id, so one task
 * owns each cluster): who published it, where, when, and what it was verified against. The copy
 * goes out linked to the canonical, with the number of copies seen so far; it is not deleted and
 * not tagged. The cluster store is a window store on the canonical's arrival time, so clusters
 * leave with their segment; the list keeps the first {@link #MAX_COPIES_LISTED} copies.
 */
final class ClusterRecorder implements FixedKeyProcessor<String, DedupeMessage, EnrichedArticle> {
  static final int MAX_COPIES_LISTED = 50;

  private final String storeName;
  private final Clock clock;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private WindowStore<String, DedupeCluster> clusters;

  ClusterRecorder(String storeName, Clock clock) {
    this.storeName = storeName;
    this.clock = clock;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.clusters = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, DedupeMessage> record) {
    DedupeMessage copy = record.value();
    DedupeVote vote = copy.getBest();
    RawArticle a = copy.getArticle();
    long at = vote.getCanonicalReceivedAt().toEpochMilli();
    DedupeCluster cluster = clusters.fetch(vote.getCanonicalId(), at);
    if (cluster == null) {
      cluster =
          DedupeCluster.newBuilder()
              .setCanonicalId(vote.getCanonicalId())
              .setCopyCount(0)
              .setCopies(new ArrayList<>())
              .build();
    }
    cluster.setCopyCount(cluster.getCopyCount() + 1);
    if (cluster.getCopies().size() < MAX_COPIES_LISTED) {
      cluster
          .getCopies()
          .add(
              DedupeCopy.newBuilder()
                  .setArticleId(a.getId())
                  .setSource(a.getSource())
                  .setUrl(a.getUrl())
                  .setTitle(a.getTitle())
                  .setPublishedAt(a.getPublishedAt())
                  .setReceivedAt(copy.getReceivedAt())
                  .setMatchedId(vote.getMatchedId())
                  .setContainment(vote.getContainment())
                  .build());
    }
    clusters.put(vote.getCanonicalId(), cluster, at);
    context.forward(
        record.withValue(
            AvroMapping.copy(a, vote.getCanonicalId(), cluster.getCopyCount(), clock.instant())));
  }
}

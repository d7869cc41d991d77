package dev.herald.app.pipeline;

import dev.herald.schemas.TopicDescriptor;
import dev.herald.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates Herald's topics from the catalogue when they do not exist yet. */
public final class TopicSetup {
  /** How long {@link #ensureTopics} waits for new topics' replicas to be in sync. */
  public static final Duration IN_SYNC_TIMEOUT = Duration.ofSeconds(60);

  private TopicSetup() {}

  /**
   * Ensures every catalogue topic exists, replicated three times on a cluster of three brokers or
   * more, else once per broker; topics created now are returned only once every partition has a
   * leader and all its replicas in sync (see {@link #awaitInSync}).
   *
   * @return the names of the topics created now
   * @throws IllegalStateException when the topics cannot be created, or are not in sync within
   *     {@link #IN_SYNC_TIMEOUT}
   */
  public static List<String> ensureTopics(Admin admin) throws InterruptedException {
    try {
      int brokers = admin.describeCluster().nodes().get().size();
      short replication = (short) Math.max(1, Math.min(3, brokers));
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (TopicDescriptor<?, ?> t : Topics.all()) {
        if (!existing.contains(t.name())) {
          missing.add(Topics.newTopic(t, replication));
        }
      }
      List<String> created = missing.stream().map(NewTopic::name).toList();
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e; // another instance creating the same topic at once is fine
          }
        }
        awaitInSync(admin, created, IN_SYNC_TIMEOUT);
      }
      return created;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot create Herald's topics: " + e.getCause(), e);
    }
  }

  /**
   * Waits until every partition of {@code topics} has a leader and all its replicas in sync, i.e.
   * every replica's broker has applied the creation. An idempotent producer writing to a partition
   * some broker does not know yet can stall for its whole delivery timeout (seen on a fresh
   * three-broker cluster: out-of-order sequence numbers after a first NOT_LEADER_OR_FOLLOWER).
   *
   * @throws IllegalStateException when they are not in sync within {@code timeout}
   */
  public static void awaitInSync(Admin admin, Collection<String> topics, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastSeen = "no description yet";
    while (true) {
      try {
        var described = admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
        List<String> lagging = new ArrayList<>();
        for (TopicDescription d : described.values()) {
          d.partitions().stream()
              .filter(p -> p.leader() == null || p.isr().size() < p.replicas().size())
              .forEach(p -> lagging.add(d.name() + "-" + p.partition()));
        }
        if (lagging.isEmpty()) {
          return;
        }
        lastSeen = "not in sync: " + lagging;
      } catch (ExecutionException | TimeoutException e) {
        lastSeen = String.valueOf(e.getCause() == null ? e : e.getCause()); // metadata not there
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Herald's topics are not in sync after " + timeout + " (" + lastSeen + ")");
      }
      Thread.sleep(100);
    }
  }
}

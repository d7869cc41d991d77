package dev.herald.app.pipeline;

import dev.herald.schemas.TopicDescriptor;
import dev.herald.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates Herald's topics from the catalogue when they do not exist yet. */
public final class TopicSetup {
  private TopicSetup() {}

  /**
   * Ensures every catalogue topic exists, replicated three times on a cluster of three brokers or
   * more, else once per broker.
   *
   * @return the names of the topics created now
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
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e; // another instance creating the same topic at once is fine
          }
        }
      }
      return missing.stream().map(NewTopic::name).toList();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot create Herald's topics: " + e.getCause(), e);
    }
  }
}

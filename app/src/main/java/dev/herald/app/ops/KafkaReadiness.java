package dev.herald.app.ops;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/** Readiness checks answered by the cluster itself, each bounded to two seconds. */
public final class KafkaReadiness {
  private KafkaReadiness() {}

  /** The cluster answers: producers and admin calls can reach a broker. */
  public static BooleanSupplier clusterReachable(Admin admin) {
    return () -> {
      try {
        return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return false;
      }
    };
  }

  /** The consumer group is stable with at least one member holding partitions. */
  public static BooleanSupplier groupAssigned(Admin admin, String groupId) {
    return () -> {
      try {
        ConsumerGroupDescription d =
            admin
                .describeConsumerGroups(List.of(groupId))
                .describedGroups()
                .get(groupId)
                .get(2, TimeUnit.SECONDS);
        return d.groupState() == GroupState.STABLE
            && d.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return false;
      }
    };
  }
}

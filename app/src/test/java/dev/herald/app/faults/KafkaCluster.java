package dev.herald.app.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real KRaft cluster of three (or more) nodes in this JVM, each node both broker and controller,
 * with fixed ports so a node can be stopped and started again under the same address.
 *
 * <p>Why not Kafka's {@code KafkaClusterTestKit} (kafka-test-common-runtime 4.4.0): its builder
 * always creates SSL material through {@code org.apache.kafka.test.TestSslUtils}, which lives in
 * kafka-clients' test fixtures, and Kafka 4.4.0 publishes no such artifact to Maven Central (the
 * Gradle module metadata asks for a {@code kafka-clients-test-fixtures} capability that has no
 * file). So this does what the test kit does, with {@link KafkaRaftServer}s as {@code
 * EmbeddedKafka} does for one node.
 */
final class KafkaCluster implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final Map<Integer, Properties> configs;
  private final Map<Integer, KafkaRaftServer> running = new TreeMap<>();

  private KafkaCluster(Map<Integer, Properties> configs) {
    this.configs = configs;
  }

  /**
   * Formats and starts {@code nodes} combined nodes under {@code dir}.
   *
   * @param brokerOverrides broker settings applied to every node (e.g. min.insync.replicas)
   */
  static KafkaCluster start(Path dir, int nodes, Map<String, String> brokerOverrides) {
    try {
      Map<Integer, Integer> clientPorts = new TreeMap<>();
      Map<Integer, Integer> controllerPorts = new TreeMap<>();
      for (int id = 1; id <= nodes; id++) {
        clientPorts.put(id, freePort());
        controllerPorts.put(id, freePort());
      }
      String voters =
          controllerPorts.entrySet().stream()
              .map(e -> e.getKey() + "@127.0.0.1:" + e.getValue())
              .collect(Collectors.joining(","));
      String clusterId = Uuid.randomUuid().toString();
      Map<Integer, Properties> configs = new TreeMap<>();
      for (int id = 1; id <= nodes; id++) {
        Properties p =
            nodeProperties(
                id,
                dir.resolve("node-" + id + "/logs"),
                clientPorts.get(id),
                controllerPorts.get(id),
                voters);
        p.putAll(brokerOverrides);
        configs.put(id, p);
      }
      inParallel(
          "format",
          configs.entrySet().stream()
              .map(
                  e ->
                      (Runnable)
                          () -> format(dir.resolve("node-" + e.getKey()), clusterId, e.getValue()))
              .toList());
      KafkaCluster cluster = new KafkaCluster(configs);
      // Started together: a node's broker waits for a controller quorum, which needs a majority.
      cluster.startNodes(configs.keySet().stream().toList());
      cluster.awaitBrokers(nodes);
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the cluster's directories in " + dir, e);
    }
  }

  String bootstrapServers() {
    return configs.values().stream()
        .map(p -> p.getProperty("advertised.listeners").replace("PLAINTEXT://", ""))
        .collect(Collectors.joining(","));
  }

  Admin admin() {
    Map<String, Object> p = new HashMap<>();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return Admin.create(p);
  }

  /** Stops one node (controlled shutdown: its partitions' leadership moves first). */
  void stop(int nodeId) {
    KafkaRaftServer server = running.remove(nodeId);
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
    }
  }

  /** Starts a stopped node on its old ports and data, and waits until every broker is back. */
  void start(int nodeId) {
    startNodes(List.of(nodeId));
    awaitBrokers(configs.size());
  }

  private void startNodes(List<Integer> ids) {
    List<Runnable> starts = new ArrayList<>();
    for (int id : ids) {
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(configs.get(id), false), Time.SYSTEM);
      running.put(id, server);
      starts.add(server::startup);
    }
    inParallel("start nodes " + ids, starts);
  }

  /**
   * Runs every task on its own thread and waits for all: a node's startup blocks until a quorum of
   * controllers has formed, so nodes started one after the other would wait on each other.
   */
  private static void inParallel(String what, List<Runnable> tasks) {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<?>> futures = tasks.stream().<Future<?>>map(threads::submit).toList();
      long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
      for (Future<?> f : futures) {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + what, e);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Waits until the cluster metadata lists {@code count} live brokers. */
  private void awaitBrokers(int count) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin admin = admin()) {
      while (true) {
        try {
          if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= count) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // not reachable yet
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(count + " brokers not ready after " + READY_TIMEOUT);
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the brokers", e);
    }
  }

  @Override
  public void close() {
    // In parallel: a node shutting down alone would wait for a quorum that is leaving too.
    List<Runnable> stops = new ArrayList<>();
    for (KafkaRaftServer server : running.values()) {
      stops.add(
          () -> {
            server.shutdown();
            server.awaitShutdown();
          });
    }
    running.clear();
    if (!stops.isEmpty()) {
      inParallel("stop the cluster", stops);
    }
  }

  private static Properties nodeProperties(
      int id, Path logDir, int clientPort, int controllerPort, String voters) {
    Properties p = new Properties();
    p.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", String.valueOf(id)),
            Map.entry("controller.quorum.voters", voters),
            Map.entry(
                "listeners",
                "PLAINTEXT://127.0.0.1:"
                    + clientPort
                    + ",CONTROLLER://127.0.0.1:"
                    + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
            Map.entry("offsets.topic.replication.factor", "3"),
            Map.entry("offsets.topic.num.partitions", "6"),
            Map.entry("transaction.state.log.replication.factor", "3"),
            Map.entry("transaction.state.log.min.isr", "2"),
            Map.entry("transaction.state.log.num.partitions", "6"),
            Map.entry("share.coordinator.state.topic.replication.factor", "3"),
            Map.entry("share.coordinator.state.topic.min.isr", "2"),
            Map.entry("default.replication.factor", "3"),
            Map.entry("min.insync.replicas", "2"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("num.partitions", "1"),
            Map.entry("auto.create.topics.enable", "false"),
            // Keeps the cleaner's buffer small: three brokers share one test JVM.
            Map.entry("log.cleaner.dedupe.buffer.size", "2097152")));
    return p;
  }

  private static void format(Path nodeDir, String clusterId, Properties props) {
    Path propsFile = nodeDir.resolve("server.properties");
    try {
      Files.createDirectories(nodeDir);
      try (OutputStream out = Files.newOutputStream(propsFile)) {
        props.store(out, "Written by the fault tests for the storage format step");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int rc;
    try (PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      rc =
          StorageTool.execute(
              new String[] {"format", "-t", clusterId, "-c", propsFile.toString()}, ps);
    }
    if (rc != 0) {
      throw new IllegalStateException(
          "Formatting " + nodeDir + " failed: " + buffer.toString(StandardCharsets.UTF_8));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }
}

package dev.herald.sink.replay;

import dev.herald.avro.RawArticle;
import dev.herald.schemas.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code herald replay DIR|FILE…}: loads archived feeds and JSON Lines of articles ({@link
 * ArchiveReader}) into {@code herald.articles.raw}, each record keyed by article id and stamped
 * with the article's publication time (its fetch time when it has none), so a backfill looks to
 * enrich as if the articles had arrived when they were published. Enrich remembers ids only within
 * its dedupe retention of record time, so a backfill older than the newest articles on the topic is
 * not de-duplicated by id: replay an archive once.
 *
 * <p>Progress (done/total articles, articles/s, file n/m) goes to the progress stream about once a
 * second and at the end; the total is counted before sending. A file that cannot be read is
 * reported and skipped; sends are asynchronous and flushed at the end.
 */
public final class ReplayJob {

  /**
   * What a replay did.
   *
   * @param files files read
   * @param failedFiles files that could not be read at all
   * @param articles articles read and sent
   * @param skipped entries or lines that were not articles
   * @param failedSends articles the producer could not write
   */
  public record Summary(
      int files,
      int failedFiles,
      long articles,
      long skipped,
      long failedSends,
      Duration elapsed) {}

  private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

  private final ArchiveReader reader = new ArchiveReader();

  /**
   * A producer fit for a backfill: idempotent, acks=all, batched and compressed. {@code extra}
   * holds the cluster's client settings (security…).
   */
  public static Producer<String, RawArticle> producer(
      String bootstrapServers, Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(extra);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "herald-replay");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    return new KafkaProducer<>(
        props, new StringSerializer(), Topics.ARTICLES_RAW.valueSerde().serializer());
  }

  /**
   * Replays the inputs in order (a folder's files sorted by path), then flushes the producer. The
   * producer stays open (the caller owns it).
   *
   * @throws IOException when an input does not exist or a folder cannot be listed
   */
  public Summary run(List<Path> inputs, Producer<String, RawArticle> producer, PrintStream progress)
      throws IOException {
    long start = System.nanoTime();
    List<Path> files = ArchiveReader.expand(inputs);
    long total = 0;
    for (Path f : files) {
      try {
        total += reader.count(f);
      } catch (IOException | RuntimeException e) {
        // counted as 0: the file is reported when it is read
      }
    }
    progress.println("replay: " + files.size() + " file(s), about " + total + " articles");
    AtomicLong failedSends = new AtomicLong();
    AtomicReference<Exception> firstError = new AtomicReference<>();
    long[] done = {0};
    long[] lastPrint = {start};
    long skipped = 0;
    int failedFiles = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      int fileNo = i + 1;
      long grandTotal = total;
      ArchiveReader.FileResult result;
      try {
        result =
            reader.read(
                file,
                article -> {
                  send(producer, article, failedSends, firstError);
                  done[0]++;
                  long now = System.nanoTime();
                  if (now - lastPrint[0] >= PROGRESS_EVERY_NANOS) {
                    lastPrint[0] = now;
                    progress.println(
                        Progress.line(
                            done[0],
                            grandTotal,
                            Duration.ofNanos(now - start),
                            fileNo,
                            files.size()));
                  }
                });
      } catch (IOException | RuntimeException e) {
        failedFiles++;
        progress.println("replay: " + file + ": cannot read: " + e.getMessage());
        continue;
      }
      skipped += result.skipped();
      if (result.failed()) {
        failedFiles++;
      }
      for (String problem : result.problems()) {
        progress.println("replay: " + problem);
      }
    }
    producer.flush();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    progress.println(Progress.line(done[0], total, elapsed, files.size(), files.size()));
    Summary summary =
        new Summary(files.size(), failedFiles, done[0], skipped, failedSends.get(), elapsed);
    progress.println(
        "replay: done: "
            + summary.articles()
            + " articles from "
            + summary.files()
            + " file(s) to "
            + Topics.ARTICLES_RAW.name()
            + "; "
            + summary.skipped()
            + " skipped, "
            + summary.failedFiles()
            + " unreadable file(s), "
            + summary.failedSends()
            + " failed send(s)"
            + (firstError.get() == null ? "" : " (first: " + firstError.get() + ")"));
    return summary;
  }

  /** The record of an article: keyed by id, stamped with its publication time. */
  public static ProducerRecord<String, RawArticle> record(RawArticle article) {
    return new ProducerRecord<>(
        Topics.ARTICLES_RAW.name(),
        null,
        ArchiveReader.timestamp(article),
        article.getId(),
        article);
  }

  private static void send(
      Producer<String, RawArticle> producer,
      RawArticle article,
      AtomicLong failed,
      AtomicReference<Exception> firstError) {
    try {
      producer.send(
          record(article),
          (metadata, e) -> {
            if (e != null) {
              failed.incrementAndGet();
              firstError.compareAndSet(null, e);
            }
          });
    } catch (KafkaException e) {
      failed.incrementAndGet();
      firstError.compareAndSet(null, e);
    }
  }
}

package dev.herald.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two forms of a {@link EnrichBenchmark.Report}: one JSON object, or a table for people. */
public final class BenchOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchOutput() {}

  /** The report as one JSON line; figures rounded to what the measurement supports. */
  public static String json(EnrichBenchmark.Report r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("passthrough_rps", round(r.passthrough().perSecond(), 1));
    o.put("enrich_rps", round(r.enrich().perSecond(), 1));
    // From the unrounded rates, so that ratio = enrich_rps / passthrough_rps up to rounding.
    o.put("ratio", round(r.ratio(), 4));
    o.put("latency_p50_ms", round(r.latency().p50Ms(), 1));
    o.put("latency_p99_ms", round(r.latency().p99Ms(), 1));
    o.put("latency_max_ms", round(r.latency().maxMs(), 1));
    o.put("processing_guarantee", "exactly_once_v2");
    o.put("broker", r.embedded() ? "embedded" : "external");
    o.put("articles", r.published());
    o.put("copies", r.copies());
    o.put("schedule_change_articles", r.changeArticles());
    o.put("mean_tokens", round(r.meanTokens(), 1));
    o.put("warm_up", r.warmUp().throughKafka() ? "kafka" : "tagging");
    o.put("warm_up_articles", r.warmUp().articles());
    o.put("warm_up_seconds", round(r.warmUp().seconds(), 1));
    o.put("warm_up_jit_cpu_ms", round(r.warmUp().jitMs(), 0));
    o.put("warm_up_process_cpu_ms", round(r.warmUp().processMs(), 0));
    if (r.warmUp().lastJitShare() >= 0) {
      o.put("warm_up_last_jit_share", round(r.warmUp().lastJitShare(), 3));
    }
    o.put("passthrough_rounds", r.passthroughRounds());
    o.put("passthrough_records", r.passthrough().recordsRead());
    o.put("passthrough_steady_records", r.passthrough().steadyRecords());
    o.put("passthrough_steady_seconds", round(r.passthrough().steadySeconds(), 2));
    o.put("enrich_records", r.enrich().recordsRead());
    o.put("enrich_steady_records", r.enrich().steadyRecords());
    o.put("enrich_steady_seconds", round(r.enrich().steadySeconds(), 2));
    o.put("enrich_tagged", r.tagged());
    o.put("alerts", r.enrichAlerts());
    o.put("latency_offered_rps", round(r.latency().offeredRate(), 1));
    o.put("latency_sent_rps", round(r.latency().sentRate(), 1));
    o.put("latency_sent", r.latency().sent());
    o.put("latency_measured", r.latency().measured());
    o.put("latency_via_alert", r.latency().viaAlert());
    o.put("latency_unfinished", r.latency().unfinished());
    o.put("latency_alerts", r.latency().alerts());
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("passthrough_app", round(r.passthrough().appCpuMsPerArticle(), 3));
    cpu.put("passthrough_process", round(r.passthrough().processCpuMsPerArticle(), 3));
    cpu.put("enrich_app", round(r.enrich().appCpuMsPerArticle(), 3));
    cpu.put("enrich_process", round(r.enrich().processCpuMsPerArticle(), 3));
    if (r.enrich().jitMsPerArticle() >= 0) {
      cpu.put("enrich_jit", round(r.enrich().jitMsPerArticle(), 3));
      cpu.put("enrich_gc", round(r.enrich().gcMsPerArticle(), 3));
      cpu.put(
          "enrich_process_without_jit", round(r.enrich().processCpuMsPerArticleWithoutJit(), 3));
    }
    Map<String, Object> stages = new LinkedHashMap<>();
    r.stageCpuMs().forEach((k, v) -> stages.put(k, round(v, 3)));
    stages.put("streams_state_kafka_eos", round(r.overheadCpuMs(), 3));
    cpu.put("enrich_stages", stages);
    cpu.put("tagging_wall_ms_per_tagged", round(r.taggingMsPerArticle(), 3));
    o.put("cpu_ms_per_article", cpu);
    o.put("cores", r.cores());
    o.put("java", r.java());
    o.put("heap_max_mb", r.heapMaxMb());
    o.put("heap_peak_used_mb", r.heapPeakMb());
    o.put("duration_s", round(r.seconds(), 1));
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A table for people. */
  public static void table(EnrichBenchmark.Report r, PrintWriter out) {
    out.printf(
        "Herald bench: %d articles of %.0f tokens on average (%d copies, %d schedule changes),"
            + " exactly_once_v2, %s broker, %d cores, %s%n",
        r.published(),
        r.meanTokens(),
        r.copies(),
        r.changeArticles(),
        r.embedded() ? "embedded" : "external",
        r.cores(),
        r.java());
    out.printf(
        "warm-up: %s, %d articles in %.0f s, JIT threads %.0f of %.0f process CPU-ms%n",
        r.warmUp().throughKafka()
            ? "a separate enrich application over separate articles"
            : "tagging code on the main thread",
        r.warmUp().articles(),
        r.warmUp().seconds(),
        r.warmUp().jitMs(),
        r.warmUp().processMs());
    out.println();
    out.printf(
        "%-34s %12s %16s %16s%n",
        "throughput (steady state)", "records/s", "app CPU-ms/art", "process CPU-ms/art");
    row(out, "passthrough (Kafka Streams)", r.passthrough());
    row(out, "enrich (Herald, full tagging)", r.enrich());
    out.printf("%-34s %12.3f%n", "ratio enrich / passthrough", r.ratio());
    out.printf(
        "%-34s %12.3f%n",
        "JIT compilation in the enrich window, ms/art", r.enrich().jitMsPerArticle());
    out.println();
    out.printf(
        "publish-to-alert latency at %.0f articles/s offered (%.1f sent): p50 %.0f ms, p99 %.0f ms,"
            + " max %.0f ms (%d articles, %d timed to their alert, %d unfinished)%n",
        r.latency().offeredRate(),
        r.latency().sentRate(),
        r.latency().p50Ms(),
        r.latency().p99Ms(),
        r.latency().maxMs(),
        r.latency().measured(),
        r.latency().viaAlert(),
        r.latency().unfinished());
    out.println();
    out.printf("%-34s %12s%n", "enrich stage", "CPU-ms/art");
    r.stageCpuMs().forEach((k, v) -> out.printf("%-34s %12.3f%n", k, v));
    out.printf("%-34s %12.3f%n", "streams_state_kafka_eos (rest)", r.overheadCpuMs());
    out.printf("%-34s %12.3f%n", "enrich app threads in total", r.enrich().appCpuMsPerArticle());
    out.println();
    out.printf(
        "alerts %d, heap max %d MB (peak used %d MB), %.0f s%n",
        r.enrichAlerts(), r.heapMaxMb(), r.heapPeakMb(), r.seconds());
    out.flush();
  }

  private static void row(PrintWriter out, String name, EnrichBenchmark.Phase p) {
    out.printf(
        "%-34s %12.1f %16.3f %16.3f%n",
        name, p.perSecond(), p.appCpuMsPerArticle(), p.processCpuMsPerArticle());
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}

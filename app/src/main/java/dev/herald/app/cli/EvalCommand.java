package dev.herald.app.cli;

import dev.herald.app.bench.DedupeBenchmark;
import dev.herald.extract.eval.ExtractionEvaluator;
import dev.herald.nlp.dedupe.NearDupEvaluator;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import dev.herald.nlp.ner.EvalNerJob;
import dev.herald.nlp.ner.NerBenchmark;
import dev.herald.nlp.schedule.eval.ScheduleEvalJob;
import dev.herald.nlp.time.TimexTagger;
import dev.herald.nlp.time.eval.Report;
import dev.herald.nlp.time.eval.TimemlEvaluator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Evaluation tools: they print the figures Herald is measured by. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measure Herald's language code on labelled data.",
    subcommands = {
      EvalCommand.Schedule.class,
      EvalCommand.Timeml.class,
      EvalCommand.Dedupe.class,
      EvalCommand.Extract.class,
      EvalCommand.Ner.class
    })
public final class EvalCommand {

  /** {@code herald eval schedule}: schedule-change detection over labelled cases. */
  @Command(
      name = "schedule",
      mixinStandardHelpOptions = true,
      description =
          "Run each case {\"id\",\"published\",\"text\"[,\"label\"]} through the schedule detector;"
              + " write one prediction per line and print precision/recall/F1 when labelled.")
  static final class Schedule implements Callable<Integer> {
    @Option(names = "--cases", required = true, paramLabel = "F.jsonl", description = "Cases file.")
    Path cases;

    @Option(
        names = "--output",
        required = true,
        paramLabel = "P.jsonl",
        description = "Predictions file.")
    Path output;

    @Override
    public Integer call() throws Exception {
      try (Reader in = JsonLinesFiles.reader(cases);
          Writer out = JsonLinesFiles.writer(output)) {
        ScheduleEvalJob.run(in, out, new PrintStream(System.out, true, StandardCharsets.UTF_8));
      }
      return 0;
    }
  }

  /** {@code herald eval timeml}: date tagging against TimeML gold annotations. */
  @Command(
      name = "timeml",
      mixinStandardHelpOptions = true,
      description =
          "Score the date tagger on TimeML corpora (TempEval-3, MEANTIME): strict and relaxed span"
              + " F1 and value F1 per corpus.")
  static final class Timeml implements Callable<Integer> {
    @Option(
        names = "--corpus",
        paramLabel = "DIR",
        description = "Folder of TimeML corpora (default ../shared/data/timeml).")
    Path corpus = Home.dir().resolve("../shared/data/timeml").normalize();

    @Option(
        names = "--half",
        paramLabel = "HALF",
        description =
            "ALL (default), TUNE or CHECK: score only one half of each corpus (split by a hash of"
                + " the document's file name; tune rules on TUNE, check on CHECK).")
    TimemlEvaluator.Half half = TimemlEvaluator.Half.ALL;

    @Option(
        names = "--dump",
        paramLabel = "FILE",
        description =
            "Write every error as a tab-separated line (corpus, doc, VALUE/FP/FN, gold text, type,"
                + " value, system text, type, value, context).")
    Path dump;

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(corpus)) {
        System.out.println("No TimeML corpora at " + corpus + ": nothing to evaluate.");
        return 0;
      }
      Report report;
      if (dump == null) {
        report = new TimemlEvaluator(TimexTagger.standard(), half, null).evaluate(corpus);
      } else {
        try (Writer out = Files.newBufferedWriter(dump, StandardCharsets.UTF_8)) {
          report = new TimemlEvaluator(TimexTagger.standard(), half, out).evaluate(corpus);
        }
      }
      System.out.println(report.toTable());
      return 0;
    }
  }

  /**
   * {@code herald eval dedupe}: duplicate decisions on Reuters pairs and synthetic syndication;
   * with {@code --bench N}, the dedupe stage's throughput against a passthrough on one broker.
   */
  @Command(
      name = "dedupe",
      mixinStandardHelpOptions = true,
      description =
          "Precision and recall of duplicate decisions on ../shared/data/neardup and on synthetic"
              + " syndicated copies and negatives generated from Reuters-21578; with --bench N,"
              + " the dedupe stage's throughput against a passthrough instead.")
  static final class Dedupe implements Callable<Integer> {
    @Option(
        names = "--shared",
        paramLabel = "DIR",
        description = "The shared data folder (default ../shared).")
    Path shared = Home.dir().resolve("../shared").normalize();

    @Option(
        names = "--bench",
        paramLabel = "N",
        description =
            "Run N generated articles (a fifth of them syndicated copies) through a Kafka Streams"
                + " passthrough (decode, write), a floor (passthrough + fingerprint + one entry"
                + " record) and the enrich dedupe stage, one after the other on one embedded"
                + " broker (exactly_once_v2), each round; print each stage's steady throughput and"
                + " CPU per article and the dedupe stage's share of the passthrough's throughput.")
    Integer bench;

    @Option(
        names = "--rounds",
        paramLabel = "R",
        description = "Rounds of the benchmark (default 4; the first is cold).")
    int rounds = 4;

    @Override
    public Integer call() throws Exception {
      if (bench != null) {
        if (bench < 100 || rounds < 1) {
          System.err.println(
              "--bench needs at least 100 articles and --rounds at least 1, not "
                  + bench
                  + " and "
                  + rounds);
          return 2;
        }
        DedupeBenchmark.Settings d = DedupeBenchmark.Settings.defaults();
        DedupeBenchmark.Settings s =
            new DedupeBenchmark.Settings(
                bench,
                d.copyShare(),
                d.partitions(),
                d.streamThreads(),
                rounds,
                d.seed(),
                List.of("passthrough", "fingerprint+entry", "dedupe"));
        Path work = Files.createTempDirectory("herald-dedupe-bench");
        try {
          DedupeBenchmark.Report r =
              DedupeBenchmark.run(s, Home.dir().resolve("samples/articles"), work, System.out);
          DedupeBenchmark.print(r, System.out);
        } finally {
          DedupeBenchmark.deleteQuietly(work, true);
        }
        return 0;
      }
      new NearDupEvaluator(new NearDupFingerprinter()).run(shared, System.out);
      return 0;
    }
  }

  /** {@code herald eval extract}: article-body extraction against checked bodies. */
  @Command(
      name = "extract",
      mixinStandardHelpOptions = true,
      description =
          "Score article-body extraction on ../shared/data/extraction (shingle precision,"
              + " recall and F1 as the article-extraction benchmark defines them).")
  static final class Extract implements Callable<Integer> {
    @Option(
        names = "--corpus",
        paramLabel = "DIR",
        description =
            "Folder with ground-truth.json and html/ (default ../shared/data/extraction).")
    Path corpus = Home.dir().resolve("../shared/data/extraction").normalize();

    @Override
    public Integer call() {
      System.out.print(ExtractionEvaluator.standard().evaluate(corpus).table());
      return 0;
    }
  }

  /** {@code herald eval ner}: entity tagging on CoNLL-2003 test and wikigold. */
  @Command(
      name = "ner",
      mixinStandardHelpOptions = true,
      description =
          "Precision, recall and F1 (exact span and type) on CoNLL-2003 test and wikigold, of the"
              + " shipped model, a --model file, or another system's --predictions; with --bench"
              + " N, the tagger's throughput instead.")
  static final class Ner implements Callable<Integer> {
    @Option(
        names = "--bench",
        paramLabel = "N",
        description =
            "Measure the whole tagger (language, sentences, tokens, names, events, ids) on N"
                + " generated news articles of about 650 tokens after a JIT warm-up: model load,"
                + " articles and tokens per CPU-second (thread CPU time, median of three passes).")
    Integer bench;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        description = "NER corpora (default ../shared/data/ner).")
    Path data = Home.dir().resolve("../shared/data/ner").normalize();

    @Option(
        names = "--model",
        paramLabel = "FILE",
        description = "A model file (default: the shipped one).")
    Path model;

    @Option(
        names = "--predictions",
        paramLabel = "FILE",
        description =
            "Score another system's output instead (one token a line, predicted tag in the last"
                + " column, blank lines between sentences; needs --gold).")
    Path predictions;

    @Option(
        names = "--gold",
        paramLabel = "FILE",
        description = "The gold CoNLL file the --predictions were made on.")
    Path gold;

    @Option(
        names = "--dump",
        paramLabel = "DIR",
        description =
            "Also write the model's predictions per corpus to DIR/NAME.herald.txt (token, gold"
                + " tag, predicted tag), for error analysis.")
    Path dump;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "Corpus name printed with --predictions (default: the gold file's name).")
    String name;

    @Override
    public Integer call() throws Exception {
      if (bench != null) {
        if (bench < 1) {
          System.err.println("--bench needs at least 1 article, not " + bench);
          return 2;
        }
        NerBenchmark.run(bench, System.out);
        return 0;
      }
      if (predictions != null) {
        if (gold == null) {
          System.err.println("--predictions needs --gold");
          return 2;
        }
        String n = name != null ? name : gold.getFileName().toString();
        EvalNerJob.print(List.of(EvalNerJob.scorePredictions(n, gold, predictions)), System.out);
        return 0;
      }
      if (!Files.isDirectory(data)) {
        System.out.println("No NER corpora at " + data + ": nothing to evaluate.");
        return 0;
      }
      EvalNerJob.run(data, model, dump, System.out);
      return 0;
    }
  }
}

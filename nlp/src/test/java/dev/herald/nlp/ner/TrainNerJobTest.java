package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainNerJobTest {

  @TempDir Path tmp;

  private static Path miniCorpus() throws URISyntaxException {
    return Path.of(TrainNerJobTest.class.getResource("mini").toURI());
  }

  /**
   * Settings for the tiny corpus: 60 perceptron iterations, the given beam, the document features
   * (neighbours, run head, name lists) on or off together, and the ensemble's members.
   */
  private static TrainNerJob.Settings miniSettings(int beam, boolean docFeatures, String members) {
    return new TrainNerJob.Settings(
        "PERCEPTRON",
        60,
        0.0,
        0.1,
        1,
        1,
        beam,
        true,
        true,
        true,
        docFeatures,
        docFeatures,
        docFeatures,
        0,
        0,
        members,
        new int[] {4, 8});
  }

  private static NerModel load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return NerModel.load(in);
    }
  }

  /** The mini corpus's names: "Anna Berg" a person, "Oslo" a place. */
  private static void assertFindsTheTrainingNames(NerModel model) {
    List<List<NameSpan>> names =
        model.tag(List.of(List.of("Anna", "Berg", "visited", "Oslo", "on", "Monday", ".")));
    assertThat(names.get(0)).containsExactly(new NameSpan(0, 2, "PER"), new NameSpan(3, 4, "LOC"));
  }

  @Test
  void shouldTrainAModelFileThatLoadsAndFindsTheNamesItWasTrainedOn() throws Exception {
    // Given a tiny CoNLL-format corpus in the layout of ../shared/data/ner
    Path out = tmp.resolve("ner-test.bin");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TrainNerJob.Settings s = miniSettings(3, true, "");

    // When the job trains and the model is loaded back from its file
    TrainNerJob.run(miniCorpus(), out, new PrintStream(log, true, StandardCharsets.UTF_8), s);
    NerModel model = load(out);

    // Then it reproduces the training names
    assertFindsTheTrainingNames(model);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("wrote").contains("trained on");
  }

  @Test
  void shouldAverageTheMembersOfAnEnsembleIntoOneModelThatComputesTheirFeatures() throws Exception {
    // Given the tiny corpus (7 documents, 35 sentences) and an ensemble of a plain member and one
    // with the name lists that learns from every sentence as a document of its own
    Path out = tmp.resolve("ner-ensemble.bin");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TrainNerJob.Settings s = miniSettings(1, false, "base;rareWords=1,names=true,splitDocs=1");

    // When the job trains both and the averaged model is loaded back
    TrainNerJob.run(miniCorpus(), out, new PrintStream(log, true, StandardCharsets.UTF_8), s);
    NerModel model = load(out);

    // Then it trained two members, on whole and on cut documents, computes the name features, and
    // still finds the names
    String text = log.toString(StandardCharsets.UTF_8);
    assertThat(text.split("PERCEPTRON trained", -1)).hasSize(3);
    assertThat(text).contains("from 7 documents").contains("from 35 documents");
    assertThat(model.settings().getProperty("names")).isEqualTo("true");
    assertThat(model.settings().getProperty("members"))
        .isEqualTo("base;rareWords=1,names=true,splitDocs=1");
    assertFindsTheTrainingNames(model);
  }

  @Test
  void shouldTrainAModelWithGloveClassesThatCarriesThemAndFindsTheNames() throws Exception {
    // Given the tiny corpus and invented word vectors (places along one axis, people another)
    Path vectors = tmp.resolve("vectors.txt");
    Files.writeString(
        vectors,
        "oslo 1 0 0\nbergen 0.9 0.1 0\nanna 0 1 0\nberg 0.1 0.9 0\nacme 0 0 1\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("ner-glove.bin");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    // When the job trains with them and the model is loaded back
    TrainNerJob.run(
        miniCorpus(),
        List.of(),
        vectors,
        out,
        new PrintStream(log, true, StandardCharsets.UTF_8),
        miniSettings(1, false, ""),
        TrainNerJob.Stage2.NONE);
    NerModel model = load(out);

    // Then the file holds the classes, the model computes their features, and finds the names
    assertThat(entry(out, "glove-classes.tsv")).isNotNull();
    assertThat(model.settings().getProperty("glove")).isEqualTo("true");
    assertThat(model.glove().of("oslo")).hasSize(3);
    assertFindsTheTrainingNames(model);
  }

  @Test
  void shouldApplyAMembersOverridesToTheBaseSettings() {
    // Given base settings without the name lists
    TrainNerJob.Settings base =
        new TrainNerJob.Settings(
            "PERCEPTRON",
            10,
            0,
            0,
            1,
            1,
            1,
            true,
            true,
            true,
            false,
            false,
            false,
            0,
            0,
            "",
            new int[] {4});

    // When a member asks for the name lists, a rare-word threshold and one-sentence documents
    TrainNerJob.Settings m = base.member("rareWords=1,names=true,splitDocs=1");

    // Then only those change, and "base" changes nothing
    assertThat(m.names()).isTrue();
    assertThat(m.rareWords()).isEqualTo(1);
    assertThat(m.splitDocs()).isEqualTo(1);
    assertThat(m.iterations()).isEqualTo(10);
    assertThat(base.member("base").splitDocs()).isZero();
    assertThat(base.member("base").names()).isFalse();
  }

  private static byte[] entry(Path zip, String name) throws Exception {
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
      java.util.zip.ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
    }
    return null;
  }

  @Test
  void shouldAddASecondStageTrainedOnJackknifedFirstStageLabels() throws Exception {
    // Given a one-stage model trained on the tiny corpus
    Path first = tmp.resolve("ner-first.bin");
    Path out = tmp.resolve("ner-two.bin");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8);
    TrainNerJob.Settings s = miniSettings(1, false, "");
    TrainNerJob.run(miniCorpus(), first, ps, s);
    List<ConllCorpus.Document> docs = new java.util.ArrayList<>();
    docs.addAll(ConllCorpus.read(miniCorpus().resolve("conll2003/train.txt")));
    docs.addAll(ConllCorpus.read(miniCorpus().resolve("conll2003/valid.txt")));

    // When a second stage is trained over it, on labels of two folds by first stages of the other
    TrainNerJob.trainStage2(
        docs,
        first,
        s,
        new TrainNerJob.Stage2("jackknife", 2, "base", "base", first, true),
        ps,
        out);
    NerModel model = load(out);

    // Then the file keeps the first stage byte for byte, loads both stages, and finds the names
    assertThat(entry(out, "maxent.bin")).isEqualTo(entry(first, "maxent.bin"));
    assertThat(entry(out, "stage2.bin")).isNotNull();
    assertThat(model.second()).isNotNull();
    assertThat(model.settings().getProperty("stage2.mode")).isEqualTo("jackknife");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("fold 2 of 2 labelled");
    assertFindsTheTrainingNames(model);
  }

  @Test
  void shouldCutEveryNthDocumentIntoOneSentenceDocuments() {
    // Given three documents of two sentences each
    ConllCorpus.Sentence s =
        new ConllCorpus.Sentence(java.util.List.of("Oslo"), java.util.List.of());
    ConllCorpus.Document d = new ConllCorpus.Document(java.util.List.of(s, s));
    java.util.List<ConllCorpus.Document> docs = java.util.List.of(d, d, d);

    // When every second document is cut, and when none is
    java.util.List<ConllCorpus.Document> cut = TrainNerJob.splitEvery(docs, 2);
    java.util.List<ConllCorpus.Document> kept = TrainNerJob.splitEvery(docs, 0);

    // Then the first and third become two one-sentence documents each, the second stays whole
    org.assertj.core.api.Assertions.assertThat(cut)
        .extracting(x -> x.sentences().size())
        .containsExactly(1, 1, 2, 1, 1);
    org.assertj.core.api.Assertions.assertThat(kept).isSameAs(docs);
  }
}

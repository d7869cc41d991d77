package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterTextTest {

  @TempDir Path dir;

  @Test
  void shouldReadArticleBodiesAsTokenizedSentencesWithoutMarkupOrSignOff() throws IOException {
    // Given an invented file in Reuters-21578's SGML layout (title, body, entities, sign-off)
    Files.writeString(
        dir.resolve("reut2-000.sgm"),
        "<REUTERS NEWID=\"1\"><TEXT>&#2;\n<TITLE>ACME BUYS WIDGETCO</TITLE>\n<BODY>Acme Corp &lt;ACM>"
            + " said it bought Widgetco for 12 mln dlrs.\nThe deal closes in May.\n Reuter\n&#3;"
            + "</BODY></TEXT></REUTERS>\n");
    Files.writeString(dir.resolve("lewis.dtd"), "<!ELEMENT REUTERS>");

    // When read
    List<List<String>> sentences = ClusterText.reuters21578(dir);

    // Then the body's two sentences come back tokenized; no title, markup or "Reuter"
    assertThat(sentences).hasSize(2);
    assertThat(sentences.get(0)).startsWith("Acme", "Corp", "<ACM>", "said");
    assertThat(sentences.get(1)).containsExactly("The", "deal", "closes", "in", "May", ".");
  }

  @Test
  void shouldReadTimeMlTokenXmlJsonAndPlainTextByExtensionKeepingARepeatedSentenceOnce()
      throws IOException {
    // Given invented files of each kind in a tree, one sentence in two layouts, and a README
    Path sub = Files.createDirectories(dir.resolve("news/cat"));
    Files.writeString(
        dir.resolve("news/a.tml"),
        "<TimeML><TITLE>Not this</TITLE><TEXT>Acme &amp; Sons <EVENT eid=\"e1\">hired</EVENT>"
            + " Jo Bloggs <TIMEX3 tid=\"t1\">on Monday</TIMEX3>.</TEXT></TimeML>");
    Files.writeString(
        sub.resolve("b.xml"),
        "<Document><token t_id=\"1\" sentence=\"0\">Acme</token>"
            + "<token t_id=\"2\" sentence=\"0\">&amp;</token>"
            + "<token t_id=\"3\" sentence=\"0\">Sons</token>"
            + "<token t_id=\"4\" sentence=\"0\">hired</token>"
            + "<token t_id=\"5\" sentence=\"0\">Jo</token>"
            + "<token t_id=\"6\" sentence=\"0\">Bloggs</token>"
            + "<token t_id=\"7\" sentence=\"0\">on</token>"
            + "<token t_id=\"8\" sentence=\"0\">Monday</token>"
            + "<token t_id=\"9\" sentence=\"0\">.</token>"
            + "<token t_id=\"10\" sentence=\"1\">Shares</token>"
            + "<token t_id=\"11\" sentence=\"1\">rose</token>"
            + "<token t_id=\"12\" sentence=\"1\">.</token></Document>");
    Files.writeString(
        dir.resolve("news/c.json"),
        "{\"x1\": {\"url\": \"http://a\", \"articleBody\": \"Widgetco closed in Leeds.\"}}");
    Files.writeString(dir.resolve("news/d.txt"), "Rain fell in Oslo.");
    Files.writeString(dir.resolve("news/README.txt"), "This corpus is described here.");

    // When the tree is read
    List<List<String>> sentences = ClusterText.read(dir.resolve("news"));

    // Then each file's text comes back tokenized, without markup, title or README, once each
    assertThat(sentences)
        .containsExactlyInAnyOrder(
            List.of("Acme", "&", "Sons", "hired", "Jo", "Bloggs", "on", "Monday", "."),
            List.of("Shares", "rose", "."),
            List.of("Widgetco", "closed", "in", "Leeds", "."),
            List.of("Rain", "fell", "in", "Oslo", "."));
  }
}

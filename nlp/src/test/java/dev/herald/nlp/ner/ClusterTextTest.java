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
}

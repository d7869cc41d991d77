package dev.herald.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionCheckTest {

  private static final List<String> LINES =
      List.of(
          "Photo: Reuters",
          "  [ Pictures - John Smith",
          "(Photograph| AP)",
          "FILE PHOTO: Delegates arrive in Sochi",
          "Video / Sputnik",
          "Graphic:",
          "Illustrations - The congress hall",
          "Credit: Getty",
          "Caption: President Putin speaks",
          "A delegate arrives (AP Photo/Alexander Zemlianichenko)",
          "Delegates at the venue. REUTERS/Maxim Shemetov",
          "The hall, TASS / Vladimir Smirnov",
          "Picture taken at the venue. photo : archive",
          "\u00a9 2017 The Agency",
          "Delegates in Sochi Getty Images",
          "Image courtesy of Shutterstock",
          "Images of the talks were shown in Sochi.",
          "The two-day congress opens on Jan. 29-30 (local time).",
          "Opposition leaders said: we will not attend.",
          "Photos from the congress were published later",
          "Sochi - The Syrian National Dialogue Congress will open on Monday.",
          "Picturesque Sochi hosts the congress - again",
          "\u017fhutter\u017ftock images",
          "\u0130mage: the hall",
          "",
          "   ",
          "(",
          "-");

  @Test
  void shouldDecideEveryLineAsTheCaptionPatternDoes() throws IOException {
    // Given constructed captions and body lines, and every line of the sample article
    List<String> lines = new ArrayList<>(LINES);
    Path sample = Path.of("../samples/articles/sochi-congress-2017-11-14.txt");
    if (Files.exists(sample)) {
      lines.addAll(Files.readAllLines(sample));
    }
    // and, when the shared data is there, some 20,000 lines of Reuters-21578 news copy
    Path reuters =
        Path.of(
            System.getProperty("herald.shared.dir", "../shared"),
            "data",
            "reuters21578",
            "reut2-000.sgm");
    if (Files.exists(reuters)) {
      lines.addAll(Files.readAllLines(reuters, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    for (String line : List.copyOf(lines)) {
      lines.add(line.toUpperCase(java.util.Locale.ROOT));
      lines.add(line.toLowerCase(java.util.Locale.ROOT));
    }

    for (String line : lines) {
      // When the cheap scan and the pattern judge the line
      boolean fast = TextAnalyzer.isCaption(line);
      boolean pattern = TextAnalyzer.CAPTION.matcher(line).find();

      // Then they agree
      assertEquals(pattern, fast, () -> "line: " + line);
    }
  }

  @Test
  void shouldSkipThePatternOnBodyLinesWithHyphensAndBrackets() {
    // Given body lines whose hyphens and brackets used to send them to the pattern
    String hyphen = "The two-day congress opens on Jan. 29-30 (local time).";

    // When / Then the scan settles them, and still lets captions through
    assertFalse(TextAnalyzer.mayBeCaption(hyphen));
    assertTrue(TextAnalyzer.mayBeCaption("Photo: Reuters"));
    assertTrue(TextAnalyzer.isCaption("A delegate arrives (AP Photo/Alexander Zemlianichenko)"));
  }
}

package dev.herald.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  @Test
  void shouldEndASentenceAfterAStateAbbreviationFollowedByAnOpener() {
    // Given wire copy where "Calif." ends a sentence
    String text =
        "It moved the meeting to Santa Clara, Calif. The meeting had been set for May 14 in"
            + " Palo Alto.";

    // When split
    List<Sentence> s = SentenceSplitter.split(text);

    // Then two sentences, with offsets into the text
    assertThat(s)
        .extracting(Sentence::text)
        .containsExactly(
            "It moved the meeting to Santa Clara, Calif.",
            "The meeting had been set for May 14 in Palo Alto.");
    assertThat(text.substring(s.get(1).start(), s.get(1).end())).isEqualTo(s.get(1).text());
  }

  @Test
  void shouldKeepTitlesInitialsAndDottedAbbreviationsInsideASentence() {
    // Given titles, an initial and "U.S." before a name
    String text = "Mr. Smith met George W. Bush and U.S. Trade Representative Clayton Yeutter.";

    // When split
    // Then one sentence
    assertThat(SentenceSplitter.split(text)).hasSize(1);
  }

  @Test
  void shouldSplitHeadlinesAndParagraphs() {
    // Given a headline line, a blank line and an indented paragraph
    String text = "Syrian Congress Delayed\nThe congress may move.\n\n    Officials said so.";

    // When split
    // Then three sentences
    assertThat(SentenceSplitter.split(text))
        .extracting(Sentence::text)
        .containsExactly("Syrian Congress Delayed", "The congress may move.", "Officials said so.");
  }

  @Test
  void shouldJoinAHardWrappedSentence() {
    // Given a sentence wrapped over two lines
    String text = "The meeting scheduled for tomorrow\nhas been postponed until Friday.";

    // When split
    // Then one sentence
    assertThat(SentenceSplitter.split(text)).hasSize(1);
  }
}

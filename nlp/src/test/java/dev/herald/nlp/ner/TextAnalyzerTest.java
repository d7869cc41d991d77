package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

  private static TextAnalyzer analyzer;

  @BeforeAll
  static void load() {
    analyzer = TextAnalyzer.standard();
  }

  @Test
  void shouldNotEndASentenceAtANameInitialOrATitle() {
    // Given score-card lines with initials and a club named after a saint
    String text = "B. Young c Anna Berg b Carl Moss 5\nThe St. Louis Eagles won again .";

    // When split into sentences
    List<TextAnalyzer.AnalyzedSentence> s = analyzer.sentences(text);

    // Then each line is one sentence: no name is cut after its initial or "St."
    assertThat(s).hasSize(2);
    assertThat(s.get(0).tokens(text)).startsWith("B.", "Young");
    assertThat(s.get(1).tokens(text)).contains("St.", "Louis", "Eagles");
  }

  @Test
  void shouldNotEndASentenceAtAMonthAbbreviationBeforeADay() {
    // Given a sentence with two abbreviated dates
    String dates = "The meeting moved to Nov. 30 from Nov. 26, the group said.";

    // When split into sentences
    // Then the dates keep the sentence whole
    assertThat(analyzer.sentences(dates)).hasSize(1);
  }

  @Test
  void shouldEndNoSentenceAtAPluralTitleBeforeNames() {
    // Given senators named after the plural abbreviated title
    String text = "Sens. Cory Booker and Kamala Harris met on Monday.";

    // When split and tokenised
    List<String> tokens = analyzer.sentences(text).get(0).tokens(text);

    // Then it is one sentence and the title keeps its full stop
    assertThat(analyzer.sentences(text)).hasSize(1);
    assertThat(tokens).startsWith("Sens.", "Cory", "Booker");
  }

  @Test
  void shouldSplitThePlusOffAGroupsNameAndKeepItInTheEntity() {
    // Given a group written with a plus
    String text = "OPEC+ has postponed its ministerial meeting by four days, the group said.";

    // When tokenised and tagged
    List<String> tokens = analyzer.sentences(text).get(0).tokens(text);
    List<dev.herald.nlp.entity.EntityMention> m = EntityTagger.standard().tag(text).entities();

    // Then the name finder sees "OPEC" and the entity is "OPEC+"
    assertThat(tokens).startsWith("OPEC", "+");
    assertThat(m).extracting(e -> e.text() + "/" + e.type()).contains("OPEC+/ORGANIZATION");
  }

  @Test
  void shouldReadEnglishInATextFullOfForeignNames() {
    // Given English lines whose names are French, Dutch or Russian
    String village =
        "Montbrison-sur-Lez is a village and commune in the Drôme département of France .";
    String singer = "Ivan Petrovich Sokolov is a Russian singer .";
    String table =
        "VOETBAL - EREDIVISIE UITSLAGEN .\nResults of Dutch first division soccer matches played"
            + " on Sunday :\nAjax Amsterdam 2 Feyenoord Rotterdam 1\nVitesse Arnhem 0 Twente"
            + " Enschede 0\nGroningen 3 Heerenveen 1";

    // When their language is detected
    // Then it is English
    assertThat(analyzer.language(village)).isEqualTo("en");
    assertThat(analyzer.language(singer)).isEqualTo("en");
    assertThat(analyzer.language(table)).isEqualTo("en");
  }

  @Test
  void shouldReadAShortNameHeavyEnglishSentenceAsEnglish() {
    // Given single English sentences made mostly of Portuguese, Italian and Spanish names
    String lula =
        "Brazilian President Luiz Inacio Lula da Silva arrived in Brasilia late on Sunday.";
    String meloni = "Italian Prime Minister Giorgia Meloni met Pope Francis at the Vatican.";
    String sanchez = "Spanish Prime Minister Pedro Sanchez flew to Buenos Aires on Monday.";

    // When their language is detected
    // Then it is English
    assertThat(analyzer.language(lula)).isEqualTo("en");
    assertThat(analyzer.language(meloni)).isEqualTo("en");
    assertThat(analyzer.language(sanchez)).isEqualTo("en");
  }

  @Test
  void shouldStillReadOtherLanguagesAsThemselves() {
    // Given short Dutch, German, French, Italian and Spanish news sentences
    String nl = "De minister is in Den Haag aangekomen en heeft met de premier gesproken.";
    String de = "Der Minister ist in Berlin angekommen und hat mit der Kanzlerin gesprochen.";
    String fr = "Le ministre est arrivé à Paris et a parlé avec le président du budget.";
    String it = "Il presidente Sergio Mattarella ha incontrato il Papa in Vaticano.";
    String es = "El presidente Pedro Sánchez viajó a Buenos Aires el lunes.";

    // When their language is detected
    // Then no English bias turns them into English
    assertThat(analyzer.language(nl)).isEqualTo("nl");
    assertThat(analyzer.language(de)).isEqualTo("de");
    assertThat(analyzer.language(fr)).isEqualTo("fr");
    assertThat(analyzer.language(it)).isEqualTo("it");
    assertThat(analyzer.language(es)).isEqualTo("es");
  }
}

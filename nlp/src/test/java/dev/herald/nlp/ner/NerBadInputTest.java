package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.nlp.entity.EntityMention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NerBadInputTest {

  private static EntityTagger tagger;

  @BeforeAll
  static void load() {
    tagger = EntityTagger.standard();
  }

  @Test
  void shouldTagEmptyAndBlankTextAsNothing() {
    // Given empty, blank and punctuation-only text
    // When tagged
    // Then there is no entity and no exception
    assertThat(tagger.tag("").entities()).isEmpty();
    assertThat(tagger.tag(" \n\t \n").entities()).isEmpty();
    assertThat(tagger.tag("... --- !!! 123").entities()).isEmpty();
    assertThat(tagger.tag(null).lang()).isEqualTo("und");
  }

  @Test
  void shouldTagAHugeTextWithoutFailing() {
    // Given about 5 MB of news copy in one document, with a 1 MB line without any punctuation
    StringBuilder sb = new StringBuilder(5_300_000);
    String para =
        "Russian Foreign Minister Sergei Lavrov met Turkish officials in Geneva on Tuesday, the"
            + " ministry said. Lavrov said the Syrian National Dialogue Congress would be held in"
            + " Sochi.\n";
    while (sb.length() < 4_000_000) {
      sb.append(para);
    }
    for (int i = 0; i < 100_000; i++) {
      sb.append("Word").append(i % 10).append(' ');
    }
    String text = sb.toString();

    // When tagged
    EntityTagger.Result r = tagger.tag(text);

    // Then mentions are found throughout and all offsets are valid
    assertThat(r.lang()).isEqualTo("en");
    assertThat(r.entities().size()).isGreaterThan(100_000);
    EntityMention last = r.entities().get(r.entities().size() - 1);
    assertThat(text.substring(last.start(), last.end())).isEqualTo(last.text());
  }

  @Test
  void shouldTagOnlyTheEnglishLinesOfMixedText() {
    // Given English lines mixed with Russian and Chinese lines
    String text =
        "President Vladimir Putin met Chinese President Xi Jinping in Beijing on Friday.\n"
            + "Президент России Владимир Путин встретился с председателем КНР Си Цзиньпином.\n"
            + "俄罗斯总统普京星期五在北京会见了中国国家主席习近平。\n"
            + "The two leaders discussed trade, the Kremlin said.";

    // When tagged
    EntityTagger.Result r = tagger.tag(text);

    // Then the language is English and no mention lies on a non-Latin line
    assertThat(r.lang()).isEqualTo("en");
    assertThat(r.entities()).extracting(EntityMention::text).contains("Vladimir Putin", "Beijing");
    for (EntityMention e : r.entities()) {
      assertThat(TextAnalyzer.mostlyLatin(e.text(), 0, e.text().length())).isTrue();
    }
  }

  @Test
  void shouldRecordTheLanguageOfNonLatinText() {
    // Given Arabic, Chinese and Greek text
    // When tagged
    // Then each language is recorded and nothing is tagged
    EntityTagger.Result ar =
        tagger.tag("التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي في جنيف يوم الثلاثاء");
    EntityTagger.Result zh = tagger.tag("俄罗斯外交部长拉夫罗夫星期二在日内瓦会见了土耳其外长。");
    EntityTagger.Result el =
        tagger.tag("Ο Ρώσος υπουργός Εξωτερικών συναντήθηκε με τον Τούρκο ομόλογό του στη Γενεύη.");
    assertThat(ar.lang()).isEqualTo("ar");
    assertThat(zh.lang()).isEqualTo("zh");
    assertThat(el.lang()).isEqualTo("el");
    assertThat(ar.entities()).isEmpty();
    assertThat(zh.entities()).isEmpty();
    assertThat(el.entities()).isEmpty();
  }
}

package dev.herald.nlp.ner;

import dev.herald.nlp.entity.EntityMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bridge from the rule-based {@code dev.herald.nlp.entity.EntityRecognizer} to the trained name
 * finder: the model's people, organisations, places and MISC names replace the rules' ones, while
 * the rules' named events (and so the schedule detector's event ids) stay as they are. Without a
 * model on the class path the rules' mentions pass unchanged.
 */
public final class ModelEntities {

  private ModelEntities() {}

  /** The model's non-event names over the text, with base ids, in text order. */
  public static List<EntityMention> find(String text) {
    NerModel model = NerModel.standard();
    if (model == null || text == null || text.isEmpty()) {
      return List.of();
    }
    TextAnalyzer analyzer = TextAnalyzer.standard();
    List<EntityMention> out = new ArrayList<>();
    for (EntityMention m :
        new EntityTagger(analyzer, model).mentions(text, analyzer.sentences(text))) {
      if (EntityMention.PERSON.equals(m.type())
          || EntityMention.ORGANIZATION.equals(m.type())
          || EntityMention.LOCATION.equals(m.type())
          || EntityMention.MISC.equals(m.type())) {
        out.add(
            new EntityMention(
                m.start(), m.end(), m.text(), m.type(), EntityIds.baseId(m.text(), m.type())));
      }
    }
    return out;
  }

  /** The rules' events plus the model's other names that do not overlap them, in text order. */
  public static List<EntityMention> overlay(String text, List<EntityMention> rules) {
    if (NerModel.standard() == null) {
      return rules;
    }
    List<EntityMention> events = new ArrayList<>();
    for (EntityMention m : rules) {
      if (EntityMention.EVENT.equals(m.type())) {
        events.add(m);
      }
    }
    List<EntityMention> out = new ArrayList<>(events);
    for (EntityMention m : find(text)) {
      boolean overlaps = false;
      for (EntityMention e : events) {
        if (m.start() < e.end() && e.start() < m.end()) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparingInt(EntityMention::start));
    return out;
  }
}

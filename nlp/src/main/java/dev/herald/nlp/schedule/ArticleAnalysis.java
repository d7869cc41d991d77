package dev.herald.nlp.schedule;

import dev.herald.nlp.entity.EntityMention;
import dev.herald.nlp.time.Timex;
import java.util.List;

/**
 * What the detector read in one article. Offsets refer to the article's text (not its title).
 *
 * @param language ISO 639-1 code guessed from the text ("und" when unknown)
 * @param timexes every time expression, anchored on the publication date
 * @param entities named entities
 * @param claims schedule claims, in text order (empty for unsupported languages)
 */
public record ArticleAnalysis(
    String language, List<Timex> timexes, List<EntityMention> entities, List<Claim> claims) {
  public ArticleAnalysis {
    timexes = List.copyOf(timexes);
    entities = List.copyOf(entities);
    claims = List.copyOf(claims);
  }
}

package dev.herald.nlp.schedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One article as the detector sees it.
 *
 * @param id article id
 * @param title headline, may be null or empty
 * @param text body text
 * @param published publication date: the anchor of relative dates ("tomorrow")
 * @param url link, may be null
 * @param source publisher or feed, used to count independent sources; may be null
 * @param publishedAt publication instant, may be null
 */
public record ArticleInput(
    String id,
    String title,
    String text,
    LocalDate published,
    String url,
    String source,
    Instant publishedAt) {}

package dev.herald.nlp.schedule;

import java.time.Instant;

/** A claim with the article it came from: one entry of an event's timeline. */
public record TimelineClaim(
    Claim claim, String articleId, String url, String title, String source, Instant publishedAt) {}

package dev.herald.enrich;

import dev.herald.avro.RawArticle;
import dev.herald.nlp.dedupe.NearDupFingerprint;

/**
 * An article with its near-duplicate fingerprint and the time it reached Herald (the raw record's
 * timestamp), which orders articles for the dedupe decision.
 */
record Fingerprinted(RawArticle article, long receivedAt, NearDupFingerprint fingerprint) {}

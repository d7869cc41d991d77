package dev.herald.nlp.time.eval;

/**
 * TempEval-3 TIMEX scores for one corpus.
 *
 * @param corpus corpus name (folder name, or MEANTIME)
 * @param documents documents scored
 * @param strict exact-span matches
 * @param relaxed overlapping-span matches (one system TIMEX per gold TIMEX)
 * @param value overlapping matches that also carry the gold value
 * @param type overlapping matches that also carry the gold type
 */
public record CorpusScore(
    String corpus, int documents, Prf strict, Prf relaxed, Prf value, Prf type) {}

package dev.herald.nlp.ner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a first tagging pass said about one document, summarised for the second stage's document
 * features (Krishnan and Manning, ACL 2006): for a capitalised word, the types its capitalised
 * occurrences got ("token majority"); for a run of words, the types the same string got where it
 * was tagged as a whole name ("entity majority"); for a word, the types of the longer names it is
 * part of elsewhere ("superentity": a lone "Weah" after "George Weah"). Keys are lower case, so a
 * headline's "WEAH" counts with the body's "Weah". Pure logic, no model.
 */
final class DocLabels {

  /** Index of "no name" in the count arrays (after the corpus types). */
  static final int O = NerModel.TYPES.length;

  /** Longest entity string looked up (longer names are rare and cost lookups per token). */
  static final int MAX_LEN = 6;

  /** Lower-cased capitalised word -> counts by type (O: untagged). */
  private final Map<String, int[]> token = new HashMap<>();

  /** {@link #seq} hash of a tagged name's lower-cased words -> counts by type. */
  private final Map<Long, int[]> entity = new HashMap<>();

  /** Lower-cased word -> counts by type of the names of two or more words it is part of. */
  private final Map<String, int[]> superEntity = new HashMap<>();

  /** The first pass's tags (outcomes as in {@link NerModel}) by sentence. */
  private final int[][] tags;

  private DocLabels(int sentences) {
    tags = new int[sentences][];
  }

  /** The first pass's tags of sentence {@code s}. */
  int[] tags(int s) {
    return s < tags.length ? tags[s] : null;
  }

  /** The summary of one document's sentences and the names a first pass found in them. */
  static DocLabels of(List<List<String>> sentences, List<List<NameSpan>> names) {
    DocLabels d = new DocLabels(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      List<String> toks = sentences.get(s);
      d.tags[s] = NerModel.encode(toks.size(), names.get(s));
      int[] type = new int[toks.size()];
      java.util.Arrays.fill(type, O);
      for (NameSpan n : names.get(s)) {
        int t = typeIndex(n.type());
        if (t < 0 || n.end() > toks.size()) {
          continue;
        }
        long h = 0;
        for (int i = n.start(); i < n.end(); i++) {
          type[i] = t;
          h = seq(h, Words.hash(Words.lower(toks.get(i))));
          if (n.end() - n.start() > 1 && Words.hasLetter(toks.get(i))) {
            d.superEntity.computeIfAbsent(Words.lower(toks.get(i)), k -> new int[O + 1])[t]++;
          }
        }
        if (n.end() - n.start() <= MAX_LEN) {
          d.entity.computeIfAbsent(h, k -> new int[O + 1])[t]++;
        }
      }
      for (int i = 0; i < toks.size(); i++) {
        String w = toks.get(i);
        if (Words.isCapitalised(w) && Words.hasLetter(w)) {
          d.token.computeIfAbsent(Words.lower(w), k -> new int[O + 1])[type[i]]++;
        }
      }
    }
    return d;
  }

  /** The hash of a word sequence, extended by one word (start from 0). */
  static long seq(long h, long word) {
    return Words.hash(97, h, word);
  }

  private static int typeIndex(String type) {
    for (int t = 0; t < NerModel.TYPES.length; t++) {
      if (NerModel.TYPES[t].equals(type)) {
        return t;
      }
    }
    return -1;
  }

  /** Counts by type of a capitalised word's occurrences; null if it has none. */
  int[] token(String lower) {
    return token.get(lower);
  }

  /** Counts by type of the longer names a word is part of; null if none. */
  int[] superEntity(String lower) {
    return superEntity.get(lower);
  }

  /** Counts by type of a tagged name with this {@link #seq} hash; null if none. */
  int[] entity(long seqHash) {
    return entity.get(seqHash);
  }

  boolean hasEntities() {
    return !entity.isEmpty();
  }

  /** The type with the most counts (ties: the first), or -1 when all are 0. */
  static int majority(int[] counts) {
    int best = -1;
    for (int t = 0; t < counts.length; t++) {
      if (counts[t] > 0 && (best < 0 || counts[t] > counts[best])) {
        best = t;
      }
    }
    return best;
  }

  /**
   * For each token of a sentence (lower-case hashes), the longest tagged name string of the
   * document covering it: {@code 1 + type * 4 + position} (B, I, L, U as in {@link NerModel}), 0
   * where none does. A name's untagged repeat is found too: that is the point.
   */
  int[] entityCover(long[] lower, int n) {
    int[] out = new int[n];
    if (entity.isEmpty()) {
      return out;
    }
    int[] len = new int[n];
    for (int s = 0; s < n; s++) {
      long h = 0;
      for (int l = 1; l <= MAX_LEN && s + l <= n; l++) {
        h = seq(h, lower[s + l - 1]);
        int[] c = entity.get(h);
        if (c == null) {
          continue;
        }
        int t = majority(c);
        for (int i = s; i < s + l; i++) {
          if (l > len[i]) {
            len[i] = l;
            char p = l == 1 ? 'U' : i == s ? 'B' : i == s + l - 1 ? 'L' : 'I';
            out[i] = NerModel.outcome(p, t);
          }
        }
      }
    }
    return out;
  }
}

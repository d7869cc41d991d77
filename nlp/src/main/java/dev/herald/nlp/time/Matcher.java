package dev.herald.nlp.time;

import dev.herald.nlp.time.Rule.Atom;
import dev.herald.nlp.time.Rule.Element;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds rule matches over a token list. Rules are indexed by what their first element can match, so
 * each token only tries the few rules that can start there; patterns are short and fixed, so the
 * work per token is bounded (no backtracking blow-up).
 */
final class Matcher {

  /** A rule matched at a token position: element spans are token indices (-1 when skipped). */
  record Match(Rule rule, int from, int to, int[] elStart, int[] elEnd, String[] elValue) {}

  private final Lexicon lexicon;

  /** Candidate rules by the lower-cased first token; rules in file order. */
  private final Map<String, Rule[]> byFirstToken = new HashMap<>();

  private final Rule[] numberRules;

  private final int maxElements;

  /**
   * Per rule (by {@link Rule#order()}): how many leading optional elements, each one literal token,
   * come before its first mandatory element; -1 when the rule has no such cheap pre-check. Most
   * candidates of a common word ("the?" rules at every "the") fail at that element, so it is
   * checked on the few positions it can start at before any search.
   */
  private final int[] literalLead;

  /**
   * Per rule: ids of its first and second elements (-1 when none), equal for elements that match
   * the same tokens, so that a {@link Memo} answers "does this element match here" once per token
   * for all the rules that share it (77 rules can start at "the").
   */
  private final int[] firstId;

  private final int[] secondId;

  private final int[] leadId;

  private final int elementIds;

  /**
   * Which elements matched at which token, for one token list; not thread-safe, one per window.
   * Each element id remembers its last position only: the pre-check asks about the same one or two
   * positions for every candidate rule of a token.
   */
  static final class Memo {
    private final int[] at;
    private final boolean[] matched;

    /** Where the element's match ends when all its matching atoms end there, else -1. */
    private final int[] end;

    /** Scratch for an atom's value where only its end is wanted (allocated once per window). */
    private final String[] val = new String[1];

    /** The rule search's state, reused for every rule and position of the window. */
    private Search search;

    private Memo(int n) {
      at = new int[n];
      matched = new boolean[n];
      end = new int[n];
    }
  }

  /** A memo for one token list. */
  Memo memo() {
    return new Memo(elementIds);
  }

  Matcher(Lexicon lexicon, List<Rule> rules) {
    this.lexicon = lexicon;
    Map<String, Set<Rule>> byLiteral = new HashMap<>();
    Map<String, Set<Rule>> byClass = new HashMap<>();
    Set<Rule> byNumber = new LinkedHashSet<>();
    for (Rule r : rules) {
      // A rule is indexed under every element up to and including its first mandatory one.
      for (Element el : r.elements()) {
        for (Atom a : el.atoms()) {
          switch (a.kind()) {
            case LITERAL -> byLiteral.computeIfAbsent(a.text(), k -> new LinkedHashSet<>()).add(r);
            case CLASS -> byClass.computeIfAbsent(a.text(), k -> new LinkedHashSet<>()).add(r);
            case NUMBER -> {
              byNumber.add(r);
              // "#n" and "#ord" also match number words and ordinals
              byClass.computeIfAbsent("numword", k -> new LinkedHashSet<>()).add(r);
              byClass.computeIfAbsent("ordinal", k -> new LinkedHashSet<>()).add(r);
            }
          }
        }
        if (!el.optional()) {
          break;
        }
      }
    }
    Set<String> keys = new HashSet<>(byLiteral.keySet());
    keys.addAll(lexicon.firstTokens());
    for (String key : keys) {
      Set<Rule> cands = new HashSet<>(byLiteral.getOrDefault(key, Set.of()));
      for (Lexicon.Entry e : lexicon.lookup(key)) {
        cands.addAll(byClass.getOrDefault(e.cls(), Set.of()));
      }
      if (!cands.isEmpty()) {
        byFirstToken.put(key, sorted(cands));
      }
    }
    numberRules = sorted(byNumber);
    maxElements = rules.stream().mapToInt(r -> r.elements().length).max().orElse(1);
    literalLead = new int[rules.stream().mapToInt(Rule::order).max().orElse(-1) + 1];
    Arrays.fill(literalLead, -1);
    firstId = new int[literalLead.length];
    secondId = new int[literalLead.length];
    leadId = new int[literalLead.length];
    Map<String, Integer> ids = new HashMap<>();
    for (Rule r : rules) {
      Element[] els = r.elements();
      int lead = literalLead(els);
      literalLead[r.order()] = lead;
      firstId[r.order()] = elementId(els[0], ids);
      secondId[r.order()] = els.length > 1 ? elementId(els[1], ids) : -1;
      leadId[r.order()] = lead >= 0 ? elementId(els[lead], ids) : -1;
    }
    elementIds = ids.size();
  }

  /** Elements that match the same tokens (same atoms, same glue) share an id. */
  private static int elementId(Element el, Map<String, Integer> ids) {
    StringBuilder key = new StringBuilder(el.glued() ? "~" : "");
    for (Atom a : el.atoms()) {
      key.append(a.kind()).append(':').append(a.text()).append('|');
    }
    return ids.computeIfAbsent(key.toString(), k -> ids.size());
  }

  /** Leading optional one-literal elements before the first mandatory element, or -1. */
  private static int literalLead(Element[] els) {
    for (int e = 0; e < els.length; e++) {
      if (!els[e].optional()) {
        return e;
      }
      for (Atom a : els[e].atoms()) {
        if (a.kind() != Rule.AtomKind.LITERAL) {
          return -1;
        }
      }
    }
    return -1;
  }

  private static Rule[] sorted(Set<Rule> rules) {
    Rule[] a = rules.toArray(new Rule[0]);
    Arrays.sort(a, Comparator.comparingInt(Rule::order));
    return a;
  }

  Lexicon lexicon() {
    return lexicon;
  }

  /** All rules that match at token t, longest first, ties by rule order. */
  List<Match> matchesAt(List<Token> toks, int t, Memo memo) {
    Token tok = toks.get(t);
    Rule[] cands = tok.isNumber() ? numberRules : byFirstToken.get(tok.lower());
    if (cands == null) {
      return List.of();
    }
    List<Match> out = null;
    Search search = null;
    for (Rule r : cands) {
      if (!mayMatch(r, toks, t, memo)) {
        continue;
      }
      if (search == null) {
        if (memo.search == null) {
          memo.search = new Search(maxElements);
        }
        search = memo.search;
      }
      Match m = matchRule(r, toks, t, search);
      if (m != null) {
        if (out == null) {
          out = new ArrayList<>(4);
        }
        out.add(m);
      }
    }
    if (out == null) {
      return List.of();
    }
    // stable sort: equal lengths keep rule order
    out.sort((a, b) -> Integer.compare(b.to(), a.to()));
    return out;
  }

  /**
   * False when rule {@code r} cannot match at {@code t}: its first mandatory element matches at
   * none of the tokens its literal optional lead leaves for it (each such element takes one token),
   * or, when its first two elements are mandatory, the second matches after none of the first's
   * matches. A necessary condition only; the search decides. Most candidates of a common word or a
   * number fail here, before any search state is set up ("the" starts entries of a dozen classes).
   */
  private boolean mayMatch(Rule r, List<Token> toks, int t, Memo memo) {
    int lead = literalLead[r.order()];
    if (lead < 0) {
      return true;
    }
    Element[] els = r.elements();
    if (lead == 0 && els.length > 1 && !els[1].optional()) {
      int first = firstId[r.order()];
      if (!canMatch(els[0], first, toks, t, memo)) {
        return false;
      }
      int end0 = memo.end[first];
      if (end0 >= 0) {
        return end0 < toks.size() && canMatch(els[1], secondId[r.order()], toks, end0, memo);
      }
      String[] val = memo.val;
      for (Atom a : els[0].atoms()) {
        int end = matchAtom(a, toks, t, val);
        if (end > t
            && end < toks.size()
            && canMatch(els[1], secondId[r.order()], toks, end, memo)) {
          return true;
        }
      }
      return false;
    }
    int last = Math.min(t + lead, toks.size() - 1);
    for (int p = t; p <= last; p++) {
      if (canMatch(els[lead], leadId[r.order()], toks, p, memo)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code el} (of id {@code id}) matches at token {@code p}, as {@link #dfs} tries it. */
  private boolean canMatch(Element el, int id, List<Token> toks, int p, Memo memo) {
    if (memo.at[id] == p + 1) {
      return memo.matched[id];
    }
    boolean ok = false;
    int end = -1;
    if (!el.glued() || toks.get(p).glued()) {
      String[] val = memo.val;
      for (Atom a : el.atoms()) {
        int e = matchAtom(a, toks, p, val);
        if (e > p) {
          end = ok && e != end ? -2 : e;
          ok = true;
          if (end == -2) {
            break;
          }
        }
      }
    }
    memo.at[id] = p + 1;
    memo.matched[id] = ok;
    memo.end[id] = end < 0 ? -1 : end;
    return ok;
  }

  private Match matchRule(Rule r, List<Token> toks, int t, Search s) {
    int n = r.elements().length;
    s.bestEnd = -1;
    s.steps = 0;
    dfs(r.elements(), 0, toks, t, s);
    if (s.bestEnd <= t) {
      return null;
    }
    return new Match(
        r,
        t,
        s.bestEnd,
        Arrays.copyOf(s.bStart, n),
        Arrays.copyOf(s.bEnd, n),
        Arrays.copyOf(s.bVal, n));
  }

  /** Depth-first over the (few) optional elements; keeps the longest complete match. */
  private static final class Search {
    final int[] cStart;
    final int[] cEnd;
    final String[] cVal;
    final int[] bStart;
    final int[] bEnd;
    final String[] bVal;
    final String[] val = new String[1];
    int bestEnd = -1;
    int steps;

    Search(int n) {
      cStart = new int[n];
      cEnd = new int[n];
      cVal = new String[n];
      bStart = new int[n];
      bEnd = new int[n];
      bVal = new String[n];
    }
  }

  private void dfs(Element[] els, int e, List<Token> toks, int t, Search s) {
    if (++s.steps > 256) {
      return; // hard bound on work per rule and position
    }
    if (e == els.length) {
      if (t > s.bestEnd) {
        s.bestEnd = t;
        System.arraycopy(s.cStart, 0, s.bStart, 0, e);
        System.arraycopy(s.cEnd, 0, s.bEnd, 0, e);
        System.arraycopy(s.cVal, 0, s.bVal, 0, e);
      }
      return;
    }
    Element el = els[e];
    if (t < toks.size() && (!el.glued() || toks.get(t).glued())) {
      for (Atom a : el.atoms()) {
        String[] val = s.val;
        val[0] = null;
        int end = matchAtom(a, toks, t, val);
        if (end > t) {
          s.cStart[e] = t;
          s.cEnd[e] = end;
          s.cVal[e] = val[0];
          dfs(els, e + 1, toks, end, s);
        }
      }
    }
    if (el.optional()) {
      s.cStart[e] = -1;
      s.cEnd[e] = -1;
      s.cVal[e] = null;
      dfs(els, e + 1, toks, t, s);
    }
  }

  /** Returns the end token index of the atom matched at t, or -1; val[0] gets its value. */
  private int matchAtom(Atom a, List<Token> toks, int t, String[] val) {
    Token tok = toks.get(t);
    switch (a.kind()) {
      case LITERAL:
        return tok.lower().equals(a.text()) && tok.suffix().isEmpty() ? t + 1 : -1;
      case CLASS:
        {
          Lexicon.Entry e = lexicon.match(toks, t, a.text());
          if (e == null) {
            return -1;
          }
          val[0] = e.first();
          return t + e.words().length;
        }
      case NUMBER:
        return matchNumber(a.text(), toks, t, val);
      default:
        return -1;
    }
  }

  private int matchNumber(String kind, List<Token> toks, int t, String[] val) {
    Token tok = toks.get(t);
    int v = tok.num();
    String suf = tok.suffix();
    boolean plain = tok.isNumber() && suf.isEmpty() && v >= 0;
    switch (kind) {
      case "yyyy":
        if (plain && tok.digits() == 4 && v >= 1000 && v <= 2199) {
          val[0] = Integer.toString(v);
          return t + 1;
        }
        return -1;
      case "yy":
        if (plain && tok.digits() == 2) {
          val[0] = tok.lower();
          return t + 1;
        }
        return -1;
      case "dd":
        if (tok.isNumber() && tok.digits() <= 2 && v >= 1 && v <= 31 && isOrdinalOrEmpty(suf)) {
          val[0] = Integer.toString(v);
          return t + 1;
        }
        return -1;
      case "mm":
        if (plain && tok.digits() <= 2 && v >= 1 && v <= 12) {
          val[0] = Integer.toString(v);
          return t + 1;
        }
        return -1;
      case "hh":
        if (plain && tok.digits() <= 2 && v >= 0 && v <= 24) {
          val[0] = Integer.toString(v);
          return t + 1;
        }
        return -1;
      case "min":
        if (plain && tok.digits() == 2 && v <= 59) {
          val[0] = tok.lower();
          return t + 1;
        }
        return -1;
      case "hhmm":
        // "0800 GMT": a 24-hour clock time written without a colon
        if (plain && tok.digits() == 4 && v / 100 <= 23 && v % 100 <= 59) {
          val[0] = tok.lower();
          return t + 1;
        }
        return -1;
      case "int":
        if (plain) {
          val[0] = Integer.toString(v);
          return t + 1;
        }
        return -1;
      case "decade":
        if (tok.isNumber()
            && suf.equals("s")
            && v % 10 == 0
            && (tok.digits() == 4 && v >= 1000 && v <= 2190 || tok.digits() == 2)) {
          val[0] = tok.lower();
          return t + 1;
        }
        return -1;
      case "ord":
        if (tok.isNumber() && v > 0 && isOrdinal(suf)) {
          val[0] = Integer.toString(v);
          return t + 1;
        }
        if (tok.isWord()) {
          Lexicon.Entry e = singleWord(tok, "ordinal");
          if (e != null) {
            val[0] = e.first();
            return t + 1;
          }
        }
        return -1;
      case "n":
        if (plain && tok.digits() <= 6) {
          // "4,000 years": thousands groups glued on with commas
          long n = v;
          int end = t + 1;
          while (end + 1 < toks.size()
              && toks.get(end).lower().equals(",")
              && toks.get(end).glued()
              && toks.get(end + 1).glued()
              && toks.get(end + 1).isNumber()
              && toks.get(end + 1).digits() == 3
              && toks.get(end + 1).suffix().isEmpty()
              && n < 1_000_000) {
            n = n * 1000 + toks.get(end + 1).num();
            end += 2;
          }
          val[0] = Long.toString(n);
          return end;
        }
        return numberWords(toks, t, val);
      default:
        throw new IllegalStateException("unknown number class #" + kind);
    }
  }

  /**
   * {@link Lexicon#lookup(String, String)} from the entries the token carries (no hashing of the
   * word): the token's entries of a class are longest first and otherwise in file order, so the
   * first one-word entry is the one the lexicon would return.
   */
  private Lexicon.Entry singleWord(Token tok, String cls) {
    Lexicon.Entry[] es = tok.classes().get(cls);
    if (es != null) {
      for (Lexicon.Entry e : es) {
        if (e.words().length == 1) {
          return e;
        }
      }
    }
    return null;
  }

  private static boolean isOrdinal(String suf) {
    return suf.equals("st") || suf.equals("nd") || suf.equals("rd") || suf.equals("th");
  }

  private static boolean isOrdinalOrEmpty(String suf) {
    return suf.isEmpty() || isOrdinal(suf);
  }

  /** "three", "twenty-five", "twenty five", "a hundred": a small cardinal in words. */
  private int numberWords(List<Token> toks, int t, String[] val) {
    Token tok = toks.get(t);
    if (!tok.isWord()) {
      return -1;
    }
    Lexicon.Entry e = singleWord(tok, "numword");
    if (e == null) {
      return -1;
    }
    int v = Integer.parseInt(e.first());
    int end = t + 1;
    if (v >= 20 && v < 100 && v % 10 == 0) {
      int u = end;
      if (u < toks.size() && toks.get(u).lower().equals("-") && toks.get(u).glued()) {
        u++;
      }
      if (u < toks.size() && toks.get(u).isWord()) {
        Lexicon.Entry unit = singleWord(toks.get(u), "numword");
        if (unit != null) {
          int uv = Integer.parseInt(unit.first());
          if (uv >= 1 && uv <= 9) {
            v += uv;
            end = u + 1;
          }
        }
      }
    }
    if (end < toks.size() && toks.get(end).lower().equals("hundred") && v < 100) {
      v *= 100;
      end++;
    }
    val[0] = Integer.toString(v);
    return end;
  }
}

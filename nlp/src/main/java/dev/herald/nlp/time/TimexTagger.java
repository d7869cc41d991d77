package dev.herald.nlp.time;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule-based TIMEX3 tagger for news text.
 *
 * <p>The text is tokenized by hand, then token-pattern rules ({@code rules.tsv}) over word classes
 * ({@code lexicon.tsv}) find expressions; the longest match at each position wins. Relative
 * expressions resolve against the document creation time (dct) with tense cues. All rule data is
 * read once by {@link #standard()}; the tagger is immutable and thread-safe.
 *
 * <p>Ranges such as "28-30 November" yield two TIMEXes, the start ("28", 2017-11-28) and the end
 * ("30 November", 2017-11-30), as TimeML annotates ranges; TIMEX3 values are points, not intervals.
 */
public final class TimexTagger {

  private static final String BASE = "/dev/herald/nlp/time/";

  /** Texts are tagged in windows of about this many chars, cut at a line or sentence end. */
  private static final int WINDOW = 8_192;

  private static volatile TimexTagger standard;

  private final Lexicon lexicon;
  private final Matcher matcher;
  private final Resolver resolver;

  private TimexTagger(Lexicon lexicon, List<Rule> rules) {
    this.lexicon = lexicon;
    this.matcher = new Matcher(lexicon, rules);
    this.resolver = new Resolver(lexicon);
  }

  /** The tagger with Herald's built-in English rules; built once, shared. */
  public static TimexTagger standard() {
    TimexTagger t = standard;
    if (t == null) {
      synchronized (TimexTagger.class) {
        t = standard;
        if (t == null) {
          t =
              load(
                  List.of(BASE + "lexicon.tsv", BASE + "lexicon-ru.tsv"),
                  List.of(BASE + "rules.tsv", BASE + "rules-ru.tsv"));
          standard = t;
        }
      }
    }
    return t;
  }

  /** Builds a tagger from lexicon and rule resources (class-path paths), read in order. */
  static TimexTagger load(List<String> lexiconResources, List<String> ruleResources) {
    Lexicon lex = Lexicon.load(lexiconResources.toArray(new String[0]));
    List<Rule> rules = new ArrayList<>();
    for (String resource : ruleResources) {
      for (String[] cols : Lexicon.Tsv.read(resource)) {
        rules.add(Rule.parse(rules.size(), cols));
      }
    }
    return new TimexTagger(lex, rules);
  }

  /** Tags {@code text}; {@code dct} null means only absolute expressions are returned. */
  public List<Timex> tag(String text, LocalDate dct) {
    return tag(text, dct, null);
  }

  /**
   * Tags {@code text}. {@code dct} is the publication date as a calendar date in the article's own
   * time zone; {@code offset} is that zone's offset (may be null). Never throws on bad text.
   */
  public List<Timex> tag(String text, LocalDate dct, ZoneOffset offset) {
    List<Timex> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    int from = 0;
    int n = text.length();
    Resolver.Discourse discourse = new Resolver.Discourse();
    while (from < n) {
      int to = cut(text, from);
      tagWindow(text, from, to, dct, offset, discourse, out);
      from = to;
    }
    return out;
  }

  /** End of the window starting at {@code from}: a line end, else a sentence end, else a space. */
  private static int cut(String text, int from) {
    int n = text.length();
    if (n - from <= WINDOW) {
      return n;
    }
    int limit = from + WINDOW;
    int floor = from + WINDOW / 2;
    int space = -1;
    int sentence = -1;
    for (int i = limit; i > floor; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (Character.isWhitespace(c)) {
        if (space < 0) {
          space = i + 1;
        }
        char p = text.charAt(i - 1);
        if (sentence < 0 && (p == '.' || p == '!' || p == '?')) {
          sentence = i + 1;
        }
      }
    }
    if (sentence > 0) {
      return sentence;
    }
    if (space > 0) {
      return space;
    }
    // No space at all (binary junk): cut anywhere but never inside a surrogate pair.
    return Character.isLowSurrogate(text.charAt(limit)) ? limit + 1 : limit;
  }

  private void tagWindow(
      String text,
      int from,
      int to,
      LocalDate dct,
      ZoneOffset offset,
      Resolver.Discourse discourse,
      List<Timex> out) {
    List<Token> toks = Tokenizer.tokenize(text, from, to, lexicon);
    Matcher.Memo memo = matcher.memo();
    int t = 0;
    while (t < toks.size()) {
      int next = t + 1;
      for (Matcher.Match m : matcher.matchesAt(toks, t, memo)) {
        List<Resolver.Found> found;
        try {
          found = resolver.resolve(m, toks, dct, offset, discourse);
        } catch (RuntimeException e) {
          found = null; // a value the calendar rejects (e.g. day 31 of a 30-day month)
        }
        if (found != null) {
          for (Resolver.Found f : found) {
            emit(text, toks, f, out);
            if (f.type() == TimexType.DATE
                && !m.rule().resolver().equals("ago")
                && !f.value().isEmpty()
                && Character.isDigit(f.value().charAt(0))) {
              discourse.lastDate = f.value();
              if (Resolver.isDay(f.value())) {
                discourse.lastDay = f.value();
              }
            }
          }
          next = m.to();
          break;
        }
      }
      t = next;
    }
  }

  /** A final dot stays after an abbreviation ("Nov.", "p.m.") and goes after a full word. */
  private boolean keepsDot(List<Token> toks, int i) {
    if (!toks.get(i).lower().equals(".") || i == 0) {
      return false;
    }
    Token p = toks.get(i - 1);
    return p.isWord() && lexicon.has(p.lower(), "abbr");
  }

  private void emit(String text, List<Token> toks, Resolver.Found f, List<Timex> out) {
    int a = f.from();
    int b = f.to();
    // Trailing commas and dashes belong to the sentence, not the expression.
    while (b - 1 > a && toks.get(b - 1).isPunct() && !keepsDot(toks, b - 1)) {
      b--;
    }
    int start = toks.get(a).start();
    int end = toks.get(b - 1).end();
    out.add(new Timex(start, end, text.substring(start, end), f.type(), f.value(), f.mod()));
  }
}

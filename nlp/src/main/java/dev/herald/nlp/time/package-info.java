/**
 * Herald's TIMEX3 tagger: finds date, time, duration and set expressions in news text and gives
 * them TimeML values anchored on the publication date.
 *
 * <p><b>Pipeline.</b> {@link dev.herald.nlp.time.TimexTagger#tag} cuts the text into windows of
 * about 8,000 characters at line or sentence ends, tokenizes each window by hand (words, numbers
 * with glued suffixes such as "28th" or "1990s", single punctuation; "a.m."/"U.S." stay whole),
 * then at each token tries the token-pattern rules that can start there. The longest match wins; a
 * match whose resolver rejects it gives way to the next longest. Patterns are short and fixed and
 * the search per rule and position is capped, so tagging is linear in the text length.
 *
 * <p><b>Rules are data.</b> Word classes live in {@code lexicon.tsv} (and {@code lexicon-ru.tsv}
 * for Russian): {@code class<TAB>word or phrase<TAB>slot=value,...}. Rules live in {@code
 * rules.tsv} (and {@code rules-ru.tsv}): {@code name<TAB>type<TAB>resolver<TAB>pattern<TAB>fixed
 * slots<TAB>guard}; the header of {@code rules.tsv} documents the pattern syntax. Adding a word
 * form or a pattern needs no code; a new kind of value needs a resolver in {@code Resolver}.
 *
 * <p><b>Anchoring.</b> Relative expressions resolve against the dct (the publication date in the
 * article's own time zone). Tense cues (class {@code future} / {@code past}, "-ed" verbs) pick the
 * direction: "met on Tuesday" or "said Tuesday" is the last Tuesday, or the dct itself when it is a
 * Tuesday; "will meet on Thursday" the coming one. A month or day without a year takes the
 * occurrence in a window of eight months before to four months after the dct, moved a year when the
 * tense clearly points the other way. Anaphoric expressions ("that year", "the following year", "a
 * year earlier", bare clock times) use the date last named in the document; so do "the next day"
 * and "the same day" in a past-tense sentence, and "the year" when the year last named was the
 * previous one ("a loss for the fourth quarter of 2016 and for the entire year"); "the day" is the
 * last full date named ("stocks fell on Monday ... to end the day"), else the dct. A weekday linked
 * to the one before it ("on Friday and Saturday") follows it. With a null dct only expressions that
 * need no anchor are returned. When an offset is given, clock times without an explicit zone carry
 * it ({@code 2017-11-15T15:00+03:00}).
 *
 * <p><b>Ranges.</b> "28-30 November" yields two TIMEXes, the start ("28", {@code 2017-11-28}) and
 * the end ("30 November", {@code 2017-11-30}): TIMEX3 values are points, and TimeML annotates a
 * range as its two ends ("between March and May" likewise gives "March" and "May").
 *
 * <p><b>Conventions.</b> Where TimeML leaves a choice, values follow what TimeBank, AQUAINT and
 * MEANTIME agree on: a half goes to the next smaller unit ("2 1/2 years" {@code P2Y6M}); "a week
 * ago" is a day, "six weeks ago" a week; "the year ended Sept. 30" is a duration ({@code P1Y}),
 * "the full year" the dct's year; "the past year" is last year; "recent years" is {@code PAST_REF};
 * "the coming months" and "the weeks ahead" are vague durations ({@code PXM}); "for decades" is
 * {@code PXY}. "The first half of 2017" is {@code 2017-H1}, while "the first half of December" is
 * December with mod START. Spans follow the corpora: "within" and "over" meaning during ("over the
 * past five years") stay outside, as does the article of a compound adjective ("the 14-day period":
 * "14-day").
 *
 * <p><b>Russian.</b> The same rules read Russian word forms listed in {@code lexicon-ru.tsv}, plus
 * {@code rules-ru.tsv} for Russian word order ("с 28 по 30 ноября", "через два дня", "90-х годах").
 * Past-tense verb endings ("заявил", "упали") are past cues; a capitalised month name inside a
 * sentence ("Андрей Март") is a name, since Russian writes months in lower case.
 *
 * <p><b>Evaluation.</b> {@code herald eval timeml} scores the tagger on {@code
 * ../shared/data/timeml} (TempEval-3 definitions); {@code --half TUNE|CHECK} scores one half of
 * each corpus (split by the parity of a CRC32 of the file name, fixed before any error was looked
 * at: rules are tuned on TUNE errors only, CHECK shows whether a change generalises; TE3-Silver is
 * machine-annotated and only a sanity check), {@code --dump FILE} writes every value error,
 * spurious and missed TIMEX with its context. Value F1 (relaxed span and equal value), session 4,
 * before / after the fiscal-year, two-quarters-as-half, "a couple of", "until ... had" conventions
 * and "past years" as a vague past:
 *
 * <pre>
 *   corpus       ALL            TUNE           CHECK
 *   MEANTIME     0.859 / 0.859  0.857 / 0.857  0.861 / 0.861
 *   AQUAINT      0.773 / 0.775  0.794 / 0.798  0.754 / 0.754
 *   TimeBank     0.829 / 0.833  0.836 / 0.842  0.823 / 0.824
 *   TE3-Silver   0.729 / 0.729  0.716 / 0.716  0.741 / 0.742
 * </pre>
 *
 * Relaxed span F1 after: MEANTIME 0.938, AQUAINT 0.936, TimeBank 0.942, TE3-Silver 0.878. Most of
 * the value errors left on TUNE (about 120 in MEANTIME, AQUAINT and TimeBank) are conventions the
 * gold itself does not agree on: "this week"/"last week" as {@code 1989-WXX}, {@code P1W}, a month
 * or an ISO week; "Friday night" as a DATE (AQUAINT) or a TIME {@code TNI} (TimeBank); "a year ago"
 * at the granularity of the compared figure (quarter, month, day) or the year; "two years ago" as a
 * DATE or a DURATION; decades as {@code 198} or {@code 198X}; and weekdays anchored on an earlier
 * story date than the dct.
 *
 * <p>{@link dev.herald.nlp.time.TagDatesJob} is the JSONL job behind {@code herald tag dates};
 * {@code eval.TimemlEvaluator} scores the tagger on TimeML corpora; {@code bench.TaggerBenchmark}
 * measures words per CPU-second.
 */
package dev.herald.nlp.time;

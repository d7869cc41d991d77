package dev.herald.nlp.time.eval;

import dev.herald.nlp.time.Timex;
import java.time.LocalDate;
import java.util.List;

/**
 * One annotated document: its plain text, creation date and gold TIMEXes (offsets into text).
 *
 * @param id document id (file name)
 * @param text the document text the gold offsets point into
 * @param dct document creation date, or null when the file gives none
 * @param gold gold TIMEX3 annotations, in text order
 * @param annotatedEnd the gold covers text[0, annotatedEnd) only; system TIMEXes starting later are
 *     not scored (MEANTIME annotates the first sentences of each article)
 */
public record GoldDoc(String id, String text, LocalDate dct, List<Timex> gold, int annotatedEnd) {
  public GoldDoc {
    gold = List.copyOf(gold);
  }
}

package dev.herald.extract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * {@code herald extract PATH… --output F.jsonl}: one JSON line per input file, in input order, with
 * the fields {@code file, ok, error, title, body, published, lang}. A file that cannot be read or
 * is not an article gives a line with {@code ok: false} and the batch goes on.
 */
public final class ExtractJob {

  /** What a run did. */
  public record Summary(int files, int ok, int failed) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ArticleExtractor extractor;
  private final int maxBytes;

  public ExtractJob(ArticleExtractor extractor, ExtractorSettings settings) {
    this.extractor = extractor;
    this.maxBytes = settings.maxBytes();
  }

  /** A job with the standard extractor and limits. */
  public static ExtractJob standard() {
    return new ExtractJob(ArticleExtractor.standard(), ExtractorSettings.defaults());
  }

  /**
   * Extracts every file (plain HTML, or gzip when the name ends in {@code .gz}) and writes one JSON
   * line each to {@code out}; failures are reported on {@code progress}, with a closing summary.
   *
   * @throws IOException only when writing to {@code out} fails
   */
  public Summary run(List<String> files, Writer out, PrintStream progress) throws IOException {
    int ok = 0;
    for (String file : files) {
      Extraction x = extractFile(file);
      writeLine(out, file, x);
      if (x.ok()) {
        ok++;
      } else {
        progress.println(file + ": " + x.error());
      }
    }
    out.flush();
    Summary s = new Summary(files.size(), ok, files.size() - ok);
    progress.printf(
        Locale.ROOT, "extract: %d files, %d ok, %d failed%n", s.files(), s.ok(), s.failed());
    return s;
  }

  /** One file's extraction; reading problems become READ_ERROR results. */
  public Extraction extractFile(String file) {
    byte[] bytes;
    try {
      bytes = readPage(Path.of(file), maxBytes);
    } catch (NoSuchFileException e) {
      return Extraction.failure(ErrorKind.READ_ERROR, "no such file");
    } catch (ZipException e) {
      return Extraction.failure(ErrorKind.READ_ERROR, "corrupt gzip data: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return Extraction.failure(
          ErrorKind.READ_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return extractor.extract(bytes, null, null);
  }

  /**
   * The bytes of a page file, gunzipped when its name ends in {@code .gz}; at most {@code maxBytes
   * + 1} bytes are read, so that an oversized page (or a gzip bomb) is refused without being held.
   */
  public static byte[] readPage(Path path, int maxBytes) throws IOException {
    if (Files.isDirectory(path)) {
      throw new IOException("is a directory");
    }
    int limit = maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1;
    try (InputStream raw = Files.newInputStream(path);
        InputStream in =
            path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                ? new GZIPInputStream(raw, 65536)
                : raw) {
      return in.readNBytes(limit);
    }
  }

  private static void writeLine(Writer out, String file, Extraction x) throws IOException {
    try (JsonGenerator g = JSON.getFactory().createGenerator(new NonClosingWriter(out))) {
      g.writeStartObject();
      g.writeStringField("file", file);
      g.writeBooleanField("ok", x.ok());
      g.writeStringField("error", x.error());
      g.writeStringField("title", x.title());
      g.writeStringField("body", x.body());
      g.writeStringField(
          "published",
          x.published() == null
              ? null
              : x.published().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      g.writeStringField("lang", x.lang());
      g.writeEndObject();
    }
    out.write('\n');
  }

  /** Lets the generator flush its buffer without closing the caller's writer. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer w) {
      super(w);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

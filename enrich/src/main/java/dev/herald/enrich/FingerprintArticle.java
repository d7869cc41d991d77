package dev.herald.enrich;

import dev.herald.avro.RawArticle;
import dev.herald.nlp.dedupe.NearDupFingerprinter;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Computes an article's near-duplicate fingerprint once, before it is held or fanned out. */
final class FingerprintArticle implements FixedKeyProcessor<String, RawArticle, Fingerprinted> {
  private final NearDupFingerprinter fingerprinter;
  private FixedKeyProcessorContext<String, Fingerprinted> context;

  FingerprintArticle(NearDupFingerprinter fingerprinter) {
    this.fingerprinter = fingerprinter;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Fingerprinted> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    RawArticle a = record.value();
    context.forward(
        record.withValue(
            new Fingerprinted(
                a, record.timestamp(), fingerprinter.fingerprint(a.getTitle(), a.getText()))));
  }
}

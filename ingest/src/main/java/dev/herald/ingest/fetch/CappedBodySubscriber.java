package dev.herald.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap and then stops reading, so a huge (or endless) body never
 * fills the heap. With {@code failWhenExceeded} the body fails with {@link BodyTooLargeException};
 * without it the first {@code cap} bytes are kept (used for error pages, which are not parsed).
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

  private final long cap;
  private final boolean failWhenExceeded;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  CappedBodySubscriber(long cap, boolean failWhenExceeded, long declaredLength) {
    this.cap = cap;
    this.failWhenExceeded = failWhenExceeded;
    if (failWhenExceeded && declaredLength > cap) {
      result.completeExceptionally(
          new BodyTooLargeException("declared Content-Length " + declaredLength, cap));
    }
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    if (result.isDone()) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      subscription.cancel();
      return;
    }
    for (ByteBuffer b : buffers) {
      int room = (int) Math.min(Integer.MAX_VALUE, cap - buffer.size());
      if (b.remaining() > room) {
        subscription.cancel();
        if (failWhenExceeded) {
          result.completeExceptionally(new BodyTooLargeException("response body", cap));
        } else {
          write(b, room);
          result.complete(buffer.toByteArray());
        }
        return;
      }
      write(b, b.remaining());
    }
    subscription.request(1);
  }

  private void write(ByteBuffer b, int n) {
    byte[] chunk = new byte[n];
    b.get(chunk);
    buffer.write(chunk, 0, n);
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }
}

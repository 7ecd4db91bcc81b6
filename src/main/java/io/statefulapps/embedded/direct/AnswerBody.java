package io.statefulapps.embedded.direct;

import io.fabric8.kubernetes.client.http.AsyncBody;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A complete answer's body: handed to the consumer in one piece on its first {@code consume()},
 * done on the next (the consumer asks for more once it has taken a piece, possibly from inside
 * its handling of it).
 */
final class AnswerBody implements AsyncBody {

    private final byte[] bytes;
    private final Consumer<List<ByteBuffer>> consumer;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private boolean handedOver;
    private boolean handing;
    private boolean askedAgain;

    AnswerBody(byte[] bytes, Consumer<List<ByteBuffer>> consumer) {
        this.bytes = bytes;
        this.consumer = consumer;
        this.handedOver = bytes.length == 0;
    }

    @Override
    public void consume() {
        synchronized (this) {
            if (done.isDone()) {
                return;
            }
            if (handing) {
                askedAgain = true;
                return;
            }
            handing = !handedOver;
        }
        if (handedOver) {
            done.complete(null);
            return;
        }
        try {
            consumer.consume(List.of(ByteBuffer.wrap(bytes)), this);
        } catch (Exception e) {
            done.completeExceptionally(e);
            return;
        }
        boolean finish;
        synchronized (this) {
            handing = false;
            handedOver = true;
            finish = askedAgain;
        }
        if (finish) {
            done.complete(null);
        }
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void cancel() {
        done.cancel(false);
    }
}

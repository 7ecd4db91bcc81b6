package io.statefulapps.embedded.direct;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.statefulapps.embedded.apiserver.WatchSink;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A watch's stream from the store to Fabric8: the store sends events (under its lock, so they are
 * only queued here), and whenever the consumer has asked for more, everything queued goes to it in
 * one piece, one JSON event per line, on the delivery thread. The end (the watch's timeout, a fault
 * ending every watch) reaches the consumer after the events before it.
 */
final class WatchStream implements AsyncBody, WatchSink {

    private final Consumer<List<ByteBuffer>> consumer;
    private final Executor delivery;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ArrayDeque<ByteBuffer> queued = new ArrayDeque<>();
    private final List<Runnable> onEnd = new ArrayList<>();
    private boolean wanted;
    private boolean scheduled;
    private boolean ended;

    WatchStream(Consumer<List<ByteBuffer>> consumer, Executor delivery) {
        this.consumer = consumer;
        this.delivery = delivery;
    }

    @Override
    public void send(byte[] event) {
        synchronized (this) {
            if (ended) {
                return;
            }
            queued.add(ByteBuffer.allocate(event.length + 1).put(event).put((byte) '\n').flip());
        }
        deliverIfWanted();
    }

    @Override
    public void close() {
        if (end()) {
            deliverIfWanted();
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return !ended;
    }

    @Override
    public void onClose(Runnable action) {
        synchronized (this) {
            if (!ended) {
                onEnd.add(action);
                return;
            }
        }
        action.run();
    }

    @Override
    public void consume() {
        synchronized (this) {
            wanted = true;
        }
        deliverIfWanted();
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    /** The client leaves: nothing more is delivered, and the watch is detached. */
    @Override
    public void cancel() {
        synchronized (this) {
            queued.clear();
        }
        end();
        done.cancel(false);
    }

    /** Marks the end and runs the end actions; true only the first time. */
    private boolean end() {
        List<Runnable> actions;
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
            actions = new ArrayList<>(onEnd);
            onEnd.clear();
        }
        actions.forEach(Runnable::run);
        return true;
    }

    private void deliverIfWanted() {
        synchronized (this) {
            if (scheduled || !wanted || done.isDone() || (queued.isEmpty() && !ended)) {
                return;
            }
            scheduled = true;
        }
        try {
            delivery.execute(this::deliver);
        } catch (RejectedExecutionException e) {
            // the client was closed: nobody reads any more
            done.cancel(false);
        }
    }

    private void deliver() {
        List<ByteBuffer> batch;
        synchronized (this) {
            scheduled = false;
            if (done.isDone()) {
                return;
            }
            if (queued.isEmpty()) {
                batch = null;
            } else {
                batch = new ArrayList<>(queued);
                queued.clear();
                wanted = false;
            }
        }
        if (batch == null) {
            done.complete(null); // ended, and everything before the end was delivered
            return;
        }
        try {
            consumer.consume(batch, this);
        } catch (Exception e) {
            end();
            done.completeExceptionally(e);
        }
    }
}

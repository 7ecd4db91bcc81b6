package io.statefulapps.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulapps.app.HealthStreams;
import io.statefulapps.cluster.ReportChange;
import io.statefulapps.config.StreamConfig;
import io.statefulapps.live.AppKey;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a stream sends first and what follows, whatever the order the changes arrive in. */
class EventStreamsTest {

    private final EventStreams streams = new EventStreams(new ObjectMapper(), new StreamConfig() {
        @Override
        public int maxSubscribers() {
            return 10;
        }

        @Override
        public int history() {
            return 10;
        }

        @Override
        public Duration keepAlive() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration recheckRights() {
            return Duration.ofHours(1);
        }
    });
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void stop() {
        streams.onStop(null);
    }

    @Test
    void aChangeMadeWhileTheStreamOpensIsSentAfterWhatItOpensWith() {
        streams.start(sink, SseImpl.INSTANCE, java.util.Optional::empty, listener -> {
            // The subscription is live before the opening snapshot is sent: a report computed in
            // between reaches the listener first.
            listener.accept(change("c2", "three"));
            return new HealthStreams.Opened(List.of(change("c1/one", "one"), change("c1/three", "three")), () -> {
            });
        });
        assertEquals(List.of("c1/one", "c1/three", "c2"), sink.ids());
    }

    @Test
    void changesAfterTheOpeningAreSentAsTheyHappen() {
        List<Consumer<ReportChange>> listeners = new CopyOnWriteArrayList<>();
        streams.start(sink, SseImpl.INSTANCE, java.util.Optional::empty, listener -> {
            listeners.add(listener);
            return new HealthStreams.Opened(List.of(change("c1/one", "one")), () -> {
            });
        });
        listeners.get(0).accept(change("c2", "one"));
        listeners.get(0).accept(change("c3", "two"));
        assertEquals(List.of("c1/one", "c2", "c3"), sink.ids());
    }

    private static ReportChange change(String id, String app) {
        return new ReportChange(id, 0, Instant.EPOCH, new AppKey("ns", app),
                ("{\"app\":\"" + app + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static final class RecordingSink implements SseEventSink {
        private final List<OutboundSseEvent> sent = new CopyOnWriteArrayList<>();

        List<String> ids() {
            return sent.stream().map(SseEvent::getId).toList();
        }

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            sent.add(event);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    }
}

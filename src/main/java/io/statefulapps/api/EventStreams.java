package io.statefulapps.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.statefulapps.app.HealthStreams;
import io.statefulapps.cluster.ReportChange;
import io.statefulapps.config.StreamConfig;
import io.statefulapps.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The open Server-Sent Event streams of this replica: how a change becomes an event
 * ({@code event: health} with the report, {@code event: deleted} when the app is gone), the
 * keep-alive comments, and the periodic check of each caller's rights (a stream whose caller has
 * lost them gets an {@code event: error} with the problem and ends).
 */
@ApplicationScoped
public class EventStreams {

    /** One open stream. */
    private final class Stream {
        private final SseEventSink sink;
        private final Sse sse;
        private final Supplier<Optional<Problem>> rightsLapsed;
        private final String requestId;
        private volatile Runnable unsubscribe = () -> {
        };
        // The error that ends a stream carries this id too, so a client resumes from where it was.
        private volatile String lastId;
        // Changes made while what the stream opens with is being sent: they follow it, never precede it.
        private final List<OutboundSseEvent> held = new ArrayList<>();
        private boolean live;

        Stream(SseEventSink sink, Sse sse, Supplier<Optional<Problem>> rightsLapsed, String requestId) {
            this.sink = sink;
            this.sse = sse;
            this.rightsLapsed = rightsLapsed;
            this.requestId = requestId;
        }

        void send(OutboundSseEvent event) {
            if (sink.isClosed()) {
                end();
                return;
            }
            if (event.getId() != null) {
                lastId = event.getId();
            }
            sink.send(event).whenComplete((ok, error) -> {
                if (error != null) {
                    end();
                }
            });
        }

        /** A change as it happens: held until what the stream opens with has been sent. */
        void change(OutboundSseEvent event) {
            synchronized (this) {
                if (!live) {
                    held.add(event);
                    return;
                }
            }
            send(event);
        }

        /** Sends what was held, in order, then lets changes through as they happen. */
        void goLive() {
            while (true) {
                List<OutboundSseEvent> batch;
                synchronized (this) {
                    if (held.isEmpty()) {
                        live = true;
                        return;
                    }
                    batch = new ArrayList<>(held);
                    held.clear();
                }
                batch.forEach(this::send);
            }
        }

        void end() {
            unsubscribe.run();
            open.remove(this);
            if (!sink.isClosed()) {
                sink.close();
            }
        }
    }

    private final ObjectMapper mapper;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-streams");
        t.setDaemon(true);
        return t;
    });

    public EventStreams(ObjectMapper mapper, StreamConfig config) {
        this.mapper = mapper;
        long keepAlive = Math.max(100, config.keepAlive().toMillis());
        long recheck = Math.max(100, config.recheckRights().toMillis());
        timer.scheduleWithFixedDelay(this::keepAlive, keepAlive, keepAlive, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::recheckRights, recheck, recheck, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
        open.forEach(Stream::end);
    }

    /**
     * Opens a stream: {@code opener} registers it with the use case (which may refuse with a problem,
     * thrown before anything is sent), then what it hands first is sent, then every change.
     */
    public void start(SseEventSink sink, Sse sse, Supplier<Optional<Problem>> rightsLapsed,
            Function<java.util.function.Consumer<ReportChange>, HealthStreams.Opened> opener) {
        Stream stream = new Stream(sink, sse, rightsLapsed, RequestIds.current());
        HealthStreams.Opened opened = opener.apply(change -> stream.change(event(sse, change)));
        stream.unsubscribe = opened.close();
        open.add(stream);
        opened.first().forEach(change -> stream.send(event(sse, change)));
        stream.goLive();
    }

    int size() {
        return open.size();
    }

    private OutboundSseEvent event(Sse sse, ReportChange change) {
        if (change.removed()) {
            return sse.newEventBuilder().id(change.id()).name("deleted")
                    .data(String.class, json(Map.of("namespace", change.app().namespace(), "app",
                            change.app().name())))
                    .build();
        }
        return sse.newEventBuilder().id(change.id()).name("health")
                .data(String.class, new String(change.json(), StandardCharsets.UTF_8)).build();
    }

    private void keepAlive() {
        for (Stream stream : open) {
            stream.send(stream.sse.newEventBuilder().comment("keep-alive").build());
        }
    }

    private void recheckRights() {
        for (Stream stream : open) {
            try {
                stream.rightsLapsed.get().ifPresent(problem -> {
                    Problem identified = problem.requestId() == null ? problem.withRequestId(stream.requestId) : problem;
                    stream.send(stream.sse.newEventBuilder().id(stream.lastId).name("error")
                            .data(String.class, json(identified)).build());
                    stream.end();
                });
            } catch (RuntimeException e) {
                // The API server may be away for a moment: keep the stream, ask again next time.
            }
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }
}

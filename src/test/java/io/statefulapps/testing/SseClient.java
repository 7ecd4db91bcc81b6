package io.statefulapps.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client for tests, on the JDK's HTTP client: reads the stream on its own
 * thread and queues every event (and comment) as it arrives, as a browser's EventSource would.
 */
public final class SseClient implements AutoCloseable {

    /** One event; {@code comment} is set for comment lines, the rest empty then. */
    public record Event(String id, String name, String data, String comment) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.Queue<String> unknownLines = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private final String refusal;

    private SseClient(HttpResponse<InputStream> response) throws IOException {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        if (response.statusCode() == 200) {
            refusal = null;
            reader.start();
        } else {
            refusal = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static SseClient open(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new SseClient(response);
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return header("Content-Type");
    }

    /** A header of the answer, "" when absent. */
    public String header(String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** The body of a refusal (the stream never started). */
    public String body() {
        return refusal;
    }

    /** Waits for the next event that matches, dropping those before it; null when none came in time. */
    public Event next(Predicate<Event> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null || wanted.test(event)) {
                return event;
            }
        }
    }

    /** Lines of a field the SSE format does not define (parsers ignore them; hand-written ones may not). */
    public List<String> unknownLines() {
        return List.copyOf(unknownLines);
    }

    /** Every event received so far and not yet taken. */
    public List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString(), null));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).trim());
                } else {
                    unknownLines.add(line);
                }
            }
        } catch (IOException e) {
            // closed by the test or the server
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        reader.interrupt();
    }
}

package io.statefulapps.embedded.apiserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A streaming GET read line by line as curl shows it: the lines arrive while the response is open. */
final class HttpStream implements AutoCloseable {

    /** Put in the queue when the server ended the response. */
    static final String END = "<end>";

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private HttpStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                // closed by the test
            }
            lines.add(END);
        }, "http-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static HttpStream open(URI server, String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        return new HttpStream(response);
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** The next line, failing the test when none comes within the wait. */
    String next(Duration wait) throws InterruptedException {
        String line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(line, "no line within " + wait);
        return line;
    }

    String next() throws InterruptedException {
        return next(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        response.body().close();
    }
}

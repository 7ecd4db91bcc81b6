package io.statefulapps.generated;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, one connection per request: the request line goes out byte for
 * byte as generated (an invalid percent-encoding or a 10,000-character name included), which
 * {@code java.net.URI} and the usual clients refuse to send. An event stream's body is not read.
 */
final class RawHttp {

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Exchange send(Exchange.Request request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            try {
                write(socket.getOutputStream(), request);
            } catch (IOException e) {
                // The server may answer (413, 400) and close before the whole body is sent: read that answer.
                socket.shutdownOutput();
            }
            return new Exchange(request, read(socket.getInputStream(), "HEAD".equals(request.method())));
        } catch (IOException e) {
            throw new UncheckedIOException("sending " + request.describe(), e);
        }
    }

    private void write(OutputStream out, Exchange.Request request) throws IOException {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.pathAndQuery())
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (request.body() != null) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (request.body() != null) {
            out.write(request.body());
        }
        out.flush();
    }

    private static Exchange.Answer read(InputStream in, boolean head) throws IOException {
        String[] lines = readHead(in).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String type = headers.get("content-type");
        if (head || status == 204 || status == 304 || (type != null && type.startsWith("text/event-stream"))) {
            return new Exchange.Answer(status, type, "");
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Exchange.Answer(status, type, new String(body, StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        if (head.size() == 0) {
            throw new IOException("the connection closed without an answer");
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}

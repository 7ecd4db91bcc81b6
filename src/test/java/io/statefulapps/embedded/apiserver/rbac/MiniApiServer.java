package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Just enough of an API server over HTTPS (kubectl sends bearer tokens only over TLS) to drive
 * {@link AccessControl} with the real kubectl, in the order the embedded server's pipeline calls
 * it: authenticate (401), impersonate, resolve the attributes, authorize (403), then answer the
 * token and review APIs (protobuf bodies read by {@link ProtobufReviews}) and a little discovery.
 */
final class MiniApiServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("/api/v1/namespaces/([^/]+)/serviceaccounts/([^/]+)/token");
    private static final Map<String, String> DISCOVERY = Map.of(
            "/version", "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\"}",
            "/api", "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[]}",
            "/apis", "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[{\"name\":\"apps\",\"versions\":"
                    + "[{\"groupVersion\":\"apps/v1\",\"version\":\"v1\"}],\"preferredVersion\":{\"groupVersion\":"
                    + "\"apps/v1\",\"version\":\"v1\"}}]}",
            "/api/v1", "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[{\"name\":\"pods\","
                    + "\"singularName\":\"pod\",\"namespaced\":true,\"kind\":\"Pod\",\"verbs\":[\"get\",\"list\"]},"
                    + "{\"name\":\"serviceaccounts\",\"singularName\":\"serviceaccount\",\"namespaced\":true,"
                    + "\"kind\":\"ServiceAccount\",\"verbs\":[\"get\",\"list\",\"create\"]}]}",
            "/apis/apps/v1", "{\"kind\":\"APIResourceList\",\"groupVersion\":\"apps/v1\",\"resources\":[{\"name\":"
                    + "\"statefulsets\",\"singularName\":\"statefulset\",\"namespaced\":true,\"kind\":\"StatefulSet\","
                    + "\"verbs\":[\"get\",\"list\",\"create\"]}]}");

    private final HttpsServer server;
    private final AccessControl access;

    MiniApiServer(AccessControl access, Path dir) throws Exception {
        this.access = access;
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException(new String(keytool.getInputStream().readAllBytes()));
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange, serve(exchange));
        } catch (ApiRefusal refusal) {
            answer(exchange, new Answer(refusal.code(), refusal.status().toString()));
        } catch (RuntimeException e) {
            answer(exchange, new Answer(500, "{\"kind\":\"Status\",\"message\":\"" + e + "\",\"code\":500}"));
        }
    }

    private record Answer(int code, String json) {
    }

    private Answer serve(HttpExchange exchange) throws IOException {
        Authentication who = access.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!who.authenticated()) {
            return new Answer(401, Authentication.unauthorizedStatus().toString());
        }
        UserInfo user = access.impersonate(who.user().get(), exchange.getRequestHeaders());
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        AuthorizationDecision decision = access.authorize(user, RequestAttributes.fromHttp(exchange.getRequestMethod(),
                target));
        if (!decision.allowed()) {
            return new Answer(403, decision.forbiddenStatus().toString());
        }
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET") && DISCOVERY.containsKey(path)) {
            return new Answer(200, DISCOVERY.get(path));
        }
        byte[] raw = exchange.getRequestBody().readAllBytes();
        ObjectNode body = ProtobufReviews.isProtobuf(exchange.getRequestHeaders().getFirst("Content-Type"))
                ? ProtobufReviews.toJson(raw) : (ObjectNode) MAPPER.readTree(raw);
        Matcher token = TOKEN.matcher(path);
        if (token.matches()) {
            return new Answer(201, access.tokenRequest(token.group(1), token.group(2), body).toString());
        }
        return switch (path) {
            case "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews" ->
                    new Answer(201, access.selfSubjectAccessReview(user, body).toString());
            case "/apis/authentication.k8s.io/v1/selfsubjectreviews" ->
                    new Answer(201, access.selfSubjectReview(user, body).toString());
            default -> new Answer(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"reason\":\"NotFound\",\"code\":404}");
        };
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(answer.code(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

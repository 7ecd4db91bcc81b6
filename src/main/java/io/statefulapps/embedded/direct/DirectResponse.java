package io.statefulapps.embedded.direct;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An answer as Fabric8 reads it: status, headers (names in any case) and a body to consume. */
record DirectResponse(HttpRequest request, int code, Map<String, String> headerValues, AsyncBody body)
        implements HttpResponse<AsyncBody> {

    @Override
    public List<String> headers(String name) {
        for (Map.Entry<String, String> e : headerValues.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return List.of(e.getValue());
            }
        }
        return List.of();
    }

    @Override
    public Map<String, List<String>> headers() {
        Map<String, List<String>> all = new HashMap<>();
        headerValues.forEach((name, value) -> all.put(name, List.of(value)));
        return all;
    }

    @Override
    public Optional<HttpResponse<?>> previousResponse() {
        return Optional.empty();
    }
}

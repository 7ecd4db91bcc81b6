package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpGetSpec(String path, IntOrString port, String scheme, String host, List<HttpHeaderSpec> httpHeaders) {
}

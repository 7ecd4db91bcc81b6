package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrpcSpec(Integer port, String service) {
}

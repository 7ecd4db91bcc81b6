package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A container probe: exactly one handler ({@code httpGet}, {@code tcpSocket}, {@code exec} or {@code grpc}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeSpec(
        HttpGetSpec httpGet,
        TcpSocketSpec tcpSocket,
        ExecSpec exec,
        GrpcSpec grpc,
        Integer initialDelaySeconds,
        Integer periodSeconds,
        Integer timeoutSeconds,
        Integer failureThreshold,
        Integer successThreshold) {
}

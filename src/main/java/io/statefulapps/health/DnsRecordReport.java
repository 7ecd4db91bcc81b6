package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The stable DNS name of one pod and what cluster DNS would answer for it.
 *
 * @param hostname           the FQDN {@code <pod>.<headless>.<ns>.svc.<domain>}
 * @param publishedAddresses the addresses the headless Service's EndpointSlices publish for that hostname
 * @param ready              whether the published endpoint is ready (served by DNS without publishNotReadyAddresses)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"pod", "hostname", "podIP", "publishedAddresses", "ready", "status"})
public record DnsRecordReport(String pod, String hostname, String podIP, List<String> publishedAddresses,
        boolean ready, HealthStatus status) {
}

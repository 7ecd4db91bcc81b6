package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Options of the headless Service. {@code publishNotReadyAddresses} publishes DNS records for pods
 * before they are ready, which peers of a cluster (ZooKeeper, Kafka, etcd) need to find each other.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeadlessServiceSpec(Boolean publishNotReadyAddresses, Map<String, String> annotations) {
}

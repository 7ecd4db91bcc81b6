package io.statefulapps.embedded.apiserver;

import java.time.Instant;
import java.util.List;

/**
 * One request as the audit log keeps it: when, who (user and groups), what ({@link RequestInfo}'s
 * verb, group, resource, subresource, namespace, name, or the path of a non-resource request) and
 * the status code answered (200 for a watch or log stream that started).
 */
public record AuditRecord(long sequence, Instant at, String user, List<String> groups, String verb, String apiGroup,
        String resource, String subresource, String namespace, String name, String path, int status) {

    public AuditRecord {
        groups = List.copyOf(groups);
    }
}

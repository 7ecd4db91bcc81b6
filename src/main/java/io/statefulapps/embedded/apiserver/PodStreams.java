package io.statefulapps.embedded.apiserver;

import java.util.List;
import java.util.Set;

/**
 * exec, attach and portforward of a pod: the embedded cluster's containers never run, so there is
 * nothing to stream. An existing pod gets a 400 that says so, instead of the bare 404 "the server
 * could not find the requested resource" that reads as if the pod were missing; a missing pod keeps
 * the real 404 {@code pods "x" not found}.
 */
record PodStreams(ObjectStore store) {

    private static final Set<String> STREAMS = Set.of("exec", "attach", "portforward");

    static boolean applies(ResourceType type, RequestTarget target) {
        return type.is("", "pods") && target.name() != null && STREAMS.contains(target.subresource());
    }

    HttpAnswer refuse(ResourceType pods, RequestTarget target) {
        if (store.get(pods, target.namespace(), target.name()) == null) {
            throw ApiException.notFound(pods, target.name());
        }
        throw new ApiException(400, "BadRequest", "pod " + target.name() + " runs in the embedded simulated cluster, "
                + "whose containers do not run: exec, attach and port-forward are not available there",
                null, null, null, List.of());
    }
}

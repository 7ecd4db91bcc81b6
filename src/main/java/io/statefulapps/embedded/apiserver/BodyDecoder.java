package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a request body of one media type into the JSON object the handlers work on; the pipeline
 * picks the decoder by the request's Content-Type (parameters ignored). JSON and YAML are built in;
 * {@code application/vnd.kubernetes.protobuf} is the seam for the protobuf package. A body that does
 * not decode is refused with {@link ApiException#badRequest}.
 */
public interface BodyDecoder {

    /**
     * The object the body holds, for the resource the request names; {@code expectedKind} is the kind
     * that resource takes (e.g. {@code Namespace}, {@code TokenRequest}), for the wording of refusals.
     */
    ObjectNode decode(byte[] body, RequestInfo request, String expectedKind);
}

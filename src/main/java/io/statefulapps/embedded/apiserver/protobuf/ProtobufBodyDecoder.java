package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.embedded.apiserver.ApiException;
import io.statefulapps.embedded.apiserver.BodyDecoder;
import io.statefulapps.embedded.apiserver.RequestInfo;

/**
 * The API server's decoder for {@value KubernetesProtobuf#MEDIA_TYPE} bodies: the object as JSON, or
 * the 400 BadRequest kube-apiserver answers for a body it cannot read.
 */
public final class ProtobufBodyDecoder implements BodyDecoder {

    @Override
    public ObjectNode decode(byte[] body, RequestInfo request, String expectedKind) {
        try {
            return KubernetesProtobuf.decode(body);
        } catch (ProtobufDecodingException e) {
            throw ApiException.badRequest(e.statusMessage(expectedKind));
        }
    }
}

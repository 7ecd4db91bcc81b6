package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * A whole body to its JSON object: the envelope, the message its apiVersion and kind name (read with
 * the descriptors of client-java-proto, no generated class), the message's JSON under them.
 */
final class ObjectDecoder {

    private static final String SCHEME = "k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30";

    private final KindIndex kinds;
    private final MessageJson json;

    ObjectDecoder(KindIndex kinds) {
        this.kinds = kinds;
        this.json = new MessageJson(FieldFacts.byMessage(), new CustomJsonTypes(this::decode));
    }

    static ObjectDecoder ofGeneratedFiles() {
        return new ObjectDecoder(new KindIndex(GeneratedFiles.byGroupVersion(), GeneratedFiles.meta()));
    }

    ObjectNode decode(byte[] body) {
        Envelope envelope = Envelope.read(body);
        try {
            Descriptor type = kinds.find(envelope.apiVersion(), envelope.kind())
                    .orElseThrow(() -> ProtobufDecodingException.of("no kind \"" + envelope.kind()
                            + "\" is registered for version \"" + envelope.apiVersion() + "\" in scheme \"" + SCHEME
                            + "\""));
            DynamicMessage object = DynamicMessage.parseFrom(type, envelope.raw());
            ObjectNode out = MessageJson.NODES.objectNode();
            out.put("kind", envelope.kind());
            out.put("apiVersion", envelope.apiVersion());
            json.writeFields(object, out);
            return out;
        } catch (InvalidProtocolBufferException e) {
            throw ProtobufDecodingException.of(ProtobufDecodingException.wireError(e))
                    .about(envelope.apiVersion(), envelope.kind());
        } catch (ProtobufDecodingException e) {
            throw e.about(envelope.apiVersion(), envelope.kind());
        }
    }
}

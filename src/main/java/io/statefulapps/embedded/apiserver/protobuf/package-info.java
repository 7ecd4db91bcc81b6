/**
 * Kubernetes' protobuf request bodies ({@code application/vnd.kubernetes.protobuf}, what kubectl's
 * typed commands send) read into the JSON object kube-apiserver would read.
 *
 * <p>{@link io.statefulapps.embedded.apiserver.protobuf.KubernetesProtobuf} is the one door:
 * {@code isProtobuf(contentType)} and {@code decode(body)}, which throws
 * {@link io.statefulapps.embedded.apiserver.protobuf.ProtobufDecodingException} worded as the API
 * server's 400. Inside, {@code Envelope} reads the {@code k8s\0} prefix and the {@code runtime.Unknown}
 * around the object, {@code KindIndex} finds the object's message among the descriptors of
 * io.kubernetes:client-java-proto ({@code GeneratedFiles}), which are parsed as
 * {@code DynamicMessage} (no generated parser, no reflection), and {@code MessageJson} writes the JSON
 * Go's encoding/json would: {@code CustomJsonTypes} for the types with their own JSON (IntOrString,
 * Quantity, Time, RawExtension, ...), {@code GoFieldFacts} for what the .proto files cannot say (which
 * zero values Go omits, which structs it inlines, which JSON names differ), taken from the struct tags
 * compiled into kubectl. {@code ProtobufBodyDecoder} is the API server's decoder for this media type (400 when a
 * body does not decode).
 */
package io.statefulapps.embedded.apiserver.protobuf;

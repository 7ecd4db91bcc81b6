package io.statefulapps.embedded.apiserver.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * apiVersion and kind to the message of that object, as the API server's scheme resolves them: the
 * kinds of the group version's .proto file, the option kinds every group version registers
 * (DeleteOptions and the like, from meta/v1), and the unversioned kinds (Status and the discovery
 * documents) that resolve in any group version.
 */
final class KindIndex {

    private static final Set<String> OPTION_KINDS = Set.of(
            "WatchEvent", "ListOptions", "GetOptions", "DeleteOptions", "CreateOptions", "UpdateOptions",
            "PatchOptions");
    private static final Set<String> UNVERSIONED_KINDS = Set.of(
            "Status", "APIVersions", "APIGroupList", "APIGroup", "APIResourceList");

    private final Map<String, Supplier<FileDescriptor>> filesByGroupVersion;
    private final Supplier<FileDescriptor> meta;

    KindIndex(Map<String, Supplier<FileDescriptor>> filesByGroupVersion, Supplier<FileDescriptor> meta) {
        this.filesByGroupVersion = Map.copyOf(filesByGroupVersion);
        this.meta = meta;
    }

    Optional<Descriptor> find(String apiVersion, String kind) {
        Supplier<FileDescriptor> file = filesByGroupVersion.get(apiVersion);
        if (file != null) {
            Descriptor message = file.get().findMessageTypeByName(kind);
            if (message != null && isKind(message)) {
                return Optional.of(message);
            }
        }
        if ((file != null && OPTION_KINDS.contains(kind)) || UNVERSIONED_KINDS.contains(kind)) {
            return Optional.ofNullable(meta.get().findMessageTypeByName(kind));
        }
        return Optional.empty();
    }

    /**
     * Whether a top-level message is an object kind rather than a part of one (a PodSpec is not): it
     * has object or list metadata, or it is a request-options kind or the metadata-less AdmissionReview.
     */
    static boolean isKind(Descriptor message) {
        return message.findFieldByName("metadata") != null || message.getName().endsWith("Options")
                || message.getName().equals("AdmissionReview");
    }
}

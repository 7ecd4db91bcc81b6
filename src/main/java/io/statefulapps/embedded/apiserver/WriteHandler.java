package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Create, update (PUT) and patch: admit the object the way the real API server does (scope,
 * name rules, defaults, immutable fields, status only through /status), then either answer
 * without storing ({@code dryRun=All}) or store the final object through the CRUD dispatcher.
 */
final class WriteHandler {

    private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

    private final Store store;
    private final ResourceCatalog catalog;
    private final Defaulter defaulter;
    private final RandomGenerator random = new SecureRandom();

    WriteHandler(Store store, ResourceCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
        this.defaulter = new Defaulter(store, catalog);
    }

    ObjectNode create(ResourceType type, String namespace, ObjectNode obj, boolean dryRun) {
        ObjectNode meta = JsonFields.metadata(obj);
        scope(type, namespace, meta);
        String name = meta.path("name").asText("");
        if (name.isEmpty() && meta.has("generateName")) {
            name = meta.get("generateName").asText() + randomSuffix();
            meta.put("name", name);
        }
        List<ApiException.Cause> causes = new ArrayList<>(NameRules.check(type, name));
        if (!causes.isEmpty()) {
            throw ApiException.invalid(type, name, causes);
        }
        if (!type.listable()) {
            return Reviews.answer(type, obj);
        }
        if (store.get(type, meta.path("namespace").asText(null), name) != null) {
            throw ApiException.alreadyExists(type, name);
        }
        defaulter.onCreate(type, obj);
        List<ApiException.Cause> specCauses = SpecRules.check(type, obj);
        if (!specCauses.isEmpty()) {
            throw ApiException.invalid(type, name, specCauses);
        }
        if (dryRun) {
            return obj;
        }
        ensureNamespace(type, meta.path("namespace").asText(null));
        return store.create(type, obj);
    }

    /**
     * The real server refuses objects in a namespace that does not exist; here the namespace is
     * created on first use instead, so demos and tests need no setup and "kubectl get ns" agrees.
     */
    private void ensureNamespace(ResourceType type, String namespace) {
        if (!type.namespaced() || namespace == null) {
            return;
        }
        ResourceType nsType = catalog.find("", "v1", "namespaces").orElseThrow();
        if (store.get(nsType, null, namespace) == null) {
            ObjectNode ns = JsonText.object();
            ns.putObject("metadata").put("name", namespace);
            create(nsType, null, ns, false);
        }
    }

    ObjectNode update(ResourceType type, RequestTarget target, ObjectNode obj) {
        ObjectNode old = existing(type, target);
        String bodyName = JsonFields.text(obj, "metadata.name");
        if (bodyName != null && !bodyName.equals(target.name())) {
            throw ApiException.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + target.name() + ")");
        }
        return finish(type, target, old, obj);
    }

    ObjectNode patch(ResourceType type, RequestTarget target, String contentType, String body) {
        ObjectNode old = store.get(type, namespace(type, target), target.name());
        if (old == null && contentType != null && contentType.startsWith("application/apply-patch")) {
            // server-side apply of a new object is a create
            return create(type, namespace(type, target), JsonText.parseObject(body), target.dryRun());
        }
        if (old == null) {
            throw ApiException.notFound(type, target.name());
        }
        ObjectNode patched = Patches.apply(contentType, old.deepCopy(), body);
        return finish(type, target, old, patched);
    }

    private ObjectNode finish(ResourceType type, RequestTarget target, ObjectNode old, ObjectNode obj) {
        String rv = JsonFields.text(obj, "metadata.resourceVersion");
        String oldRv = JsonFields.text(old, "metadata.resourceVersion");
        if (rv != null && !rv.isEmpty() && !rv.equals(oldRv)) {
            throw ApiException.conflict(type, target.name(),
                    "the object has been modified; please apply your changes to the latest version and try again");
        }
        boolean statusOnly = "status".equals(target.subresource());
        ObjectNode result;
        if (statusOnly) {
            if (!type.hasStatus()) {
                throw ApiException.notFound(type, target.name());
            }
            // /status writes change nothing but .status
            result = old.deepCopy();
            setOrRemove(result, "status", obj.get("status"));
        } else {
            result = obj;
            if (type.hasStatus()) {
                // writes to the main resource keep the stored status
                setOrRemove(result, "status", old.get("status"));
            }
            JsonFields.metadata(result).put("resourceVersion", oldRv);
            defaulter.onUpdate(type, old, result);
            List<ApiException.Cause> causes = new ArrayList<>(SpecRules.check(type, result));
            causes.addAll(ImmutableFields.check(type, old, result));
            if (!causes.isEmpty()) {
                throw ApiException.invalid(type, target.name(), causes);
            }
            if (type.plural().equals("persistentvolumeclaims") && ImmutableFields.pvcGrows(old, result)) {
                checkExpansion(type, result);
            }
        }
        if (target.dryRun()) {
            return result;
        }
        return statusOnly ? store.replaceStatus(type, result) : store.replace(type, result);
    }

    /** The real server's admission: only claims of a class with allowVolumeExpansion may grow. */
    private void checkExpansion(ResourceType type, ObjectNode pvc) {
        ResourceType scType = catalog.find("storage.k8s.io", "v1", "storageclasses").orElseThrow();
        String className = JsonFields.text(pvc, "spec.storageClassName");
        ObjectNode sc = className == null ? null : store.get(scType, null, className);
        if (sc == null || !sc.path("allowVolumeExpansion").asBoolean(false)) {
            throw ApiException.forbidden(type, JsonFields.text(pvc, "metadata.name"),
                    "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc"
                            + " must support resize");
        }
    }

    ObjectNode existing(ResourceType type, RequestTarget target) {
        ObjectNode old = store.get(type, namespace(type, target), target.name());
        if (old == null) {
            throw ApiException.notFound(type, target.name());
        }
        return old;
    }

    static String namespace(ResourceType type, RequestTarget target) {
        return type.namespaced() ? target.namespace() : null;
    }

    /** Namespaced kinds take the URL's namespace; cluster-scoped kinds drop any namespace. */
    private static void scope(ResourceType type, String namespace, ObjectNode meta) {
        if (!type.namespaced()) {
            meta.remove("namespace");
            return;
        }
        String ns = namespace == null || namespace.isEmpty() ? "default" : namespace;
        String bodyNs = meta.path("namespace").asText("");
        if (!bodyNs.isEmpty() && !bodyNs.equals(ns)) {
            throw ApiException.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request");
        }
        meta.put("namespace", ns);
    }

    private static void setOrRemove(ObjectNode obj, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            obj.remove(field);
        } else {
            obj.set(field, value.deepCopy());
        }
    }

    private String randomSuffix() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return sb.toString();
    }
}

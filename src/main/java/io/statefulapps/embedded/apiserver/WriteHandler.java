package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Create, update (PUT) and patch: decode strictly when asked, admit the object the way the real API
 * server does (scope, namespace lifecycle, name rules, defaults, immutable fields, status only
 * through /status, optimistic concurrency), then either answer without storing
 * ({@code dryRun=All}) or store it. Each write runs whole under the store's write lock.
 */
final class WriteHandler {

    private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

    private final ObjectStore store;
    private final ResourceCatalog catalog;
    private final Defaulter defaulter;
    private final NamespaceLifecycle namespaces;
    private final GarbageCollector gc;
    private final ServiceAccountAdmission accounts;
    private final RandomGenerator random = new SecureRandom();

    WriteHandler(ObjectStore store, ResourceCatalog catalog, Defaulter defaulter, NamespaceLifecycle namespaces,
            GarbageCollector gc) {
        this.store = store;
        this.gc = gc;
        this.catalog = catalog;
        this.defaulter = defaulter;
        this.namespaces = namespaces;
        this.accounts = new ServiceAccountAdmission(store, catalog, defaulter);
    }

    Written create(ResourceType type, RequestTarget target, ObjectNode obj) {
        List<String> warnings = FieldValidation.check(type, target, obj);
        return store.write(() -> new Written(admitCreate(type, target, obj), warnings));
    }

    private byte[] admitCreate(ResourceType type, RequestTarget target, ObjectNode obj) {
        ObjectNode meta = JsonFields.metadata(obj);
        scope(type, target.namespace(), meta);
        String name = meta.path("name").asText("");
        if (name.isEmpty() && meta.has("generateName")) {
            name = meta.get("generateName").asText() + randomSuffix();
            meta.put("name", name);
        }
        String ns = meta.path("namespace").asText(null);
        namespaces.admitCreate(type, ns, name);
        List<ApiException.Cause> causes = new ArrayList<>(NameRules.check(type, name));
        if (!causes.isEmpty()) {
            throw ApiException.invalid(type, name, causes);
        }
        if (store.get(type, ns, name) != null) {
            throw ApiException.alreadyExists(type, name);
        }
        defaulter.onCreate(type, obj);
        accounts.admitCreate(type, obj);
        StorageProtectionAdmission.admitCreate(type, obj);
        List<ApiException.Cause> specCauses = SpecRules.check(type, obj);
        if (!specCauses.isEmpty()) {
            throw ApiException.invalid(type, name, specCauses);
        }
        if (target.dryRun()) {
            return StoredObject.bytes(obj);
        }
        StoredObject created = store.create(type, obj);
        if (type.is("", "namespaces")) {
            accounts.namespaceCreated(name);
        }
        gc.collectIfOwnersGone(type, created, obj);
        return created.json();
    }

    Written update(ResourceType type, RequestTarget target, ObjectNode obj) {
        List<String> warnings = FieldValidation.check(type, target, obj);
        return store.write(() -> {
            StoredObject old = existing(type, target);
            String bodyName = JsonFields.text(obj, "metadata.name");
            if (bodyName != null && !bodyName.equals(target.name())) {
                throw ApiException.badRequest("the name of the object (" + bodyName
                        + ") does not match the name on the URL (" + target.name() + ")");
            }
            return new Written(finish(type, target, old, obj), warnings);
        });
    }

    Written patch(ResourceType type, RequestTarget target, String contentType, String body) {
        return store.write(() -> {
            StoredObject old = store.get(type, target.namespace(), target.name());
            if (old == null && contentType != null && contentType.startsWith("application/apply-patch")) {
                // server-side apply of a new object is a create
                ObjectNode obj = JsonText.parseObject(body);
                return new Written(admitCreate(type, target, obj), FieldValidation.check(type, target, obj));
            }
            if (old == null) {
                throw ApiException.notFound(type, target.name());
            }
            ObjectNode patched = Patches.apply(contentType, old.tree(), body);
            List<String> warnings = FieldValidation.check(type, target, patched);
            return new Written(finish(type, target, old, patched), warnings);
        });
    }

    /**
     * Checks and stores an update. One that leaves the object as stored is no write at all (the real
     * server's GuaranteedUpdate): no new resourceVersion, no watch event, the stored object answered.
     */
    private byte[] finish(ResourceType type, RequestTarget target, StoredObject stored, ObjectNode obj) {
        ObjectNode old = stored.tree();
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
            result = admitUpdate(type, target, old, obj);
        }
        if (SameObject.same(old, result)) {
            return stored.json();
        }
        return target.dryRun() ? StoredObject.bytes(result) : store.replace(type, result).json();
    }

    private ObjectNode admitUpdate(ResourceType type, RequestTarget target, ObjectNode old, ObjectNode obj) {
        if (type.hasStatus()) {
            // writes to the main resource keep the stored status
            setOrRemove(obj, "status", old.get("status"));
        }
        JsonFields.metadata(obj).put("resourceVersion", JsonFields.text(old, "metadata.resourceVersion"));
        defaulter.onUpdate(type, old, obj);
        List<ApiException.Cause> causes = new ArrayList<>(SpecRules.check(type, obj));
        causes.addAll(ImmutableFields.check(type, old, obj));
        if (!causes.isEmpty()) {
            throw ApiException.invalid(type, target.name(), causes);
        }
        if (type.plural().equals("persistentvolumeclaims") && ImmutableFields.pvcGrows(old, obj)) {
            checkExpansion(type, obj);
        }
        return obj;
    }

    /** The real server's admission: only claims of a class with allowVolumeExpansion may grow. */
    private void checkExpansion(ResourceType type, ObjectNode pvc) {
        ResourceType scType = catalog.get("storage.k8s.io", "storageclasses");
        String className = JsonFields.text(pvc, "spec.storageClassName");
        StoredObject sc = className == null ? null : store.get(scType, null, className);
        if (sc == null || !sc.tree().path("allowVolumeExpansion").asBoolean(false)) {
            throw ApiException.forbidden(type, JsonFields.text(pvc, "metadata.name"),
                    "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc"
                            + " must support resize");
        }
    }

    StoredObject existing(ResourceType type, RequestTarget target) {
        StoredObject old = store.get(type, target.namespace(), target.name());
        if (old == null) {
            throw ApiException.notFound(type, target.name());
        }
        return old;
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

package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * ServiceAccounts as a real cluster keeps them: every namespace gets its {@code default} account
 * when it is created (the service-account controller's work, done at once here so that a pod
 * created right after its namespace finds it), and the ServiceAccount admission plugin defaults a
 * pod's {@code serviceAccountName} to {@code default} and refuses a pod whose account does not
 * exist, with 403 Forbidden in the plugin's words. Call under the store's write lock.
 */
final class ServiceAccountAdmission {

    static final String DEFAULT_ACCOUNT = "default";

    private final ObjectStore store;
    private final ResourceType serviceAccounts;
    private final Defaulter defaulter;

    ServiceAccountAdmission(ObjectStore store, ResourceCatalog catalog, Defaulter defaulter) {
        this.store = store;
        this.serviceAccounts = catalog.get("", "serviceaccounts");
        this.defaulter = defaulter;
    }

    /** Defaults and checks the account of a pod being created; other kinds pass untouched. */
    void admitCreate(ResourceType type, ObjectNode object) {
        if (!type.is("", "pods")) {
            return;
        }
        ObjectNode spec = JsonFields.obj(object, "spec");
        String account = spec.path("serviceAccountName").asText("");
        if (account.isEmpty()) {
            account = spec.path("serviceAccount").asText("");
        }
        if (account.isEmpty()) {
            account = DEFAULT_ACCOUNT;
        }
        spec.put("serviceAccountName", account);
        spec.put("serviceAccount", account);
        String namespace = JsonFields.text(object, "metadata.namespace");
        if (store.get(serviceAccounts, namespace, account) == null) {
            throw ApiException.forbidden(type, JsonFields.text(object, "metadata.name"), "error looking up service"
                    + " account " + namespace + "/" + account + ": serviceaccount \"" + account + "\" not found");
        }
    }

    /** After a namespace is stored: its {@code default} ServiceAccount, unless one is there already. */
    void namespaceCreated(String namespace) {
        if (store.get(serviceAccounts, namespace, DEFAULT_ACCOUNT) != null) {
            return;
        }
        ObjectNode account = JsonText.object();
        account.putObject("metadata").put("name", DEFAULT_ACCOUNT).put("namespace", namespace);
        defaulter.onCreate(serviceAccounts, account);
        store.create(serviceAccounts, account);
    }
}

package io.statefulapps.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The refusal reads exactly as the API server's own, which kubectl prints. */
class AccessCheckTest {

    @Test
    void namespacedInANamedGroup() {
        assertEquals("User \"jane\" cannot create resource \"statefulsets\" in API group \"apps\" in the namespace \"shop\"",
                AccessCheck.of("create", "apps", "statefulsets", "shop").refusal("jane"));
    }

    @Test
    void namespacedInTheCoreGroup() {
        assertEquals("User \"system:serviceaccount:ci:bot\" cannot delete resource \"persistentvolumeclaims\" in API group"
                + " \"\" in the namespace \"shop\"",
                AccessCheck.of("delete", "", "persistentvolumeclaims", "shop").refusal("system:serviceaccount:ci:bot"));
    }

    @Test
    void clusterScoped() {
        assertEquals("User \"jane\" cannot get resource \"persistentvolumes\" in API group \"\" at the cluster scope",
                AccessCheck.of("get", "", "persistentvolumes", null).refusal("jane"));
    }
}

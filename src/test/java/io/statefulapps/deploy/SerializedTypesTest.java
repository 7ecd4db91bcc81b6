package io.statefulapps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The native executable knows every type of ours that Jackson reads or writes: the roots, and every
 * record, enum or class reachable from what is registered. A new record in a report, a spec or a
 * problem fails here until it is added to {@code nativeimage.SerializedTypes}.
 */
class SerializedTypesTest {

    @Test
    void everyRootIsRegistered() throws Exception {
        Set<Class<?>> registered = SerializationRoots.registered();
        List<String> missing = SerializationRoots.ROOTS.stream()
                .filter(root -> !SerializationRoots.covered(root, registered)).map(Class::getName).toList();
        assertEquals(List.of(), missing, "roots not registered in nativeimage.SerializedTypes");
    }

    @Test
    void everyTypeOfOursReachableFromARegisteredOneIsRegistered() throws Exception {
        Set<Class<?>> registered = SerializationRoots.registered();
        assertEquals(List.of(), unregistered(registered),
                "reachable by Jackson but not registered in nativeimage.SerializedTypes");
    }

    @Test
    void onlyOurTypesAreListedWithTheirMethodsFieldsAndNestedTypes() throws Exception {
        List<String> foreign = SerializationRoots.registered().stream().filter(c -> !JacksonReach.isOurs(c))
                .map(Class::getName).toList();
        assertEquals(List.of(), foreign, "Fabric8's model is registered by the Kubernetes client extension");
        RegisterForReflection annotation = Class.forName("io.statefulapps.nativeimage.SerializedTypes")
                .getAnnotation(RegisterForReflection.class);
        assertTrue(annotation.methods() && annotation.fields(), "records need their accessors and fields");
        assertFalse(annotation.ignoreNested(), "nested records (DeleteResult.KindName, ...) ride along");
    }

    @Test
    void theWalkFollowsComponentsListsMapsArraysOptionalsAndInstanceFields() {
        Set<String> expected = Set.of(Inner.class.getName(), Deep.class.getName(), Holder.class.getName(),
                Kind.class.getName());
        assertEquals(expected, Set.copyOf(unregistered(Set.of(Outer.class))));
        assertEquals(List.of(), unregistered(Set.of(Outer.class, Inner.class, Deep.class, Holder.class, Kind.class)));
    }

    @Test
    void theWalkReachesFabric8ModelsButLeavesThemToTheExtension() throws Exception {
        Set<Class<?>> reached = JacksonReach.from(SerializationRoots.ROOTS);
        assertTrue(reached.contains(io.fabric8.kubernetes.api.model.SecurityContext.class), "AppSpec.securityContext");
        assertTrue(reached.contains(io.fabric8.kubernetes.api.model.Capabilities.class), "a field of SecurityContext");
        assertFalse(reached.contains(String.class), "the JDK's own types are not followed");
    }

    private static List<String> unregistered(Collection<Class<?>> registered) {
        Set<Class<?>> set = Set.copyOf(registered);
        return JacksonReach.from(registered).stream()
                .filter(JacksonReach::isOurs)
                .filter(c -> !SerializationRoots.covered(c, set))
                .map(Class::getName).toList();
    }

    record Outer(List<Inner> items, Map<String, Optional<Deep>> byName) {
    }

    record Inner(Holder[] holders) {
    }

    record Deep(String text) {
    }

    static final class Holder {
        private static Unreached constant;
        private Kind kind;
    }

    record Unreached(String text) {
    }

    enum Kind { ONE }
}

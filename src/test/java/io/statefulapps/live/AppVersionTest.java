package io.statefulapps.live;

import io.statefulapps.render.Trio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

class AppVersionTest {

    private static Service service(String name, String uid, String rv) {
        return new ServiceBuilder().withNewMetadata().withName(name).withUid(uid).withResourceVersion(rv)
                .endMetadata().build();
    }

    private static StatefulSet sts(String uid, String rv, long generation) {
        return new StatefulSetBuilder().withNewMetadata().withName("db").withUid(uid).withResourceVersion(rv)
                .withGeneration(generation).endMetadata().build();
    }

    private static LiveApp app(String headlessRv, String stsRv, long generation, String clientRv) {
        return new LiveApp("ns", "db", new Trio(service("db-headless", "h", headlessRv), sts("s", stsRv, generation),
                service("db", "c", clientRv)));
    }

    @Test
    void isAStrongQuotedTagThatChangesWithEveryVersion() {
        String tag = AppVersion.etagOf(app("1", "2", 1, "3"));
        assertTrue(tag.matches("\"[0-9a-f]{32}\""), tag);
        assertEquals(tag, AppVersion.etagOf(app("1", "2", 1, "3")));
        assertNotEquals(tag, AppVersion.etagOf(app("4", "2", 1, "3")));
        assertNotEquals(tag, AppVersion.etagOf(app("1", "2", 1, "5")));
        assertNotEquals(tag, AppVersion.etagOf(app("1", "2", 2, "3")));
    }

    @Test
    void statusUpdatesOfTheStatefulSetDoNotChangeIt() {
        assertEquals(AppVersion.etagOf(app("1", "2", 1, "3")), AppVersion.etagOf(app("1", "99", 1, "3")));
    }

    @Test
    void anAppCreatedAgainIsAnotherVersion() {
        LiveApp again = new LiveApp("ns", "db", new Trio(service("db-headless", "h", "1"), sts("s2", "2", 1),
                service("db", "c", "3")));
        assertNotEquals(AppVersion.etagOf(app("1", "2", 1, "3")), AppVersion.etagOf(again));
    }

    @Test
    void ifMatchFollowsRfc9110() {
        LiveApp app = app("1", "2", 1, "3");
        String tag = AppVersion.etagOf(app);
        assertTrue(AppVersion.matches(null, app));
        assertTrue(AppVersion.matches("*", app));
        assertTrue(AppVersion.matches(tag, app));
        assertTrue(AppVersion.matches("\"other\", " + tag, app));
        assertFalse(AppVersion.matches("\"other\"", app));
        assertFalse(AppVersion.matches("W/" + tag, app));
        assertFalse(AppVersion.matches("*", new LiveApp("ns", "db", null)));
    }
}

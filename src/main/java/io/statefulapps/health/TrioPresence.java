package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.statefulapps.spec.TrioNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Are the three objects there? An absent one is Missing, named, unless the others were created
 * moments ago: objects are created one after the other and a replica's cache may not have seen
 * the last one yet, so an app created a moment ago reports Progressing, never Missing.
 */
final class TrioPresence {

    private TrioPresence() {
    }

    static List<Finding> assess(AssessmentContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        Kubectl kubectl = context.kubectl();
        Instant youngest = null;
        for (HasMetadata present : new HasMetadata[] {snapshot.statefulSet(), snapshot.headlessService(),
                snapshot.clientService()}) {
            youngest = Timestamps.newest(youngest, MetadataReads.created(present));
        }
        boolean justCreated = youngest != null && !context.passed(youngest.plus(context.settings().creationGrace()));
        TrioNames names = snapshot.names();
        List<Finding> findings = new ArrayList<>();
        if (snapshot.statefulSet() == null) {
            findings.add(missing(Reason.StatefulSetMissing, "StatefulSet", "statefulset", names.statefulSet(),
                    justCreated, kubectl, "without it there are no pods; re-apply the app (PATCH it or re-create it)"));
        }
        if (snapshot.headlessService() == null) {
            findings.add(missing(Reason.HeadlessServiceMissing, "Service", "service", names.headlessService(),
                    justCreated, kubectl, "without it the pods have no stable DNS names; re-create it with clusterIP: None"));
        }
        if (snapshot.clientService() == null) {
            findings.add(missing(Reason.ClientServiceMissing, "Service", "service", names.clientService(),
                    justCreated, kubectl, "clients outside the set cannot reach it; re-create the Service"));
        }
        return findings;
    }

    private static Finding missing(Reason reason, String kind, String resource, String name, boolean justCreated,
            Kubectl kubectl, String consequence) {
        String object = kind + "/" + name;
        String hint = kubectl.get(resource + " " + name) + "; " + consequence;
        if (justCreated) {
            // not an absence yet: the informer may not have delivered it
            return Finding.withSeverityAndVerdict(Severity.Info, HealthStatus.Progressing, reason, object,
                    kind + " " + name + " is not visible yet (the app was created moments ago)", hint);
        }
        return Finding.of(reason, object, kind + " " + name + " does not exist", hint);
    }
}

package io.statefulapps.app;

import io.statefulapps.cluster.AppDeleter;
import io.statefulapps.cluster.DeleteResult;
import io.statefulapps.cluster.PartialChangeException;
import io.statefulapps.live.AppVersion;
import io.statefulapps.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DELETE: the trio goes, the data stays unless asked. The data an earlier DELETE kept can still be
 * removed (and only this way through the API) once the app itself is gone.
 */
@ApplicationScoped
public class AppRemoval {

    private final AppDeleter deleter;

    public AppRemoval(AppDeleter deleter) {
        this.deleter = deleter;
    }

    public DeleteResult delete(String namespace, String name, String ifMatch, boolean withData) {
        SpecIntake.requireNamespace(namespace);
        ChangeProblems.requirePossibleName(namespace, name);
        try {
            AppDeleter.Target target = deleter.inspect(namespace, name);
            if (!target.live().exists()) {
                requireKeptData(namespace, name, withData);
            }
            if (!AppVersion.matches(ifMatch, target.live())) {
                throw new ProblemException(ChangeProblems.stale(namespace, name, AppVersion.etagOf(target.live())));
            }
            return deleter.delete(target, withData);
        } catch (PartialChangeException e) {
            throw new ProblemException(ChangeProblems.partialChange(e, ifMatch != null && !ifMatch.isBlank()));
        }
    }

    private void requireKeptData(String namespace, String name, boolean withData) {
        int kept = deleter.keptClaims(namespace, name);
        if (kept == 0) {
            throw new ProblemException(ChangeProblems.notFound(namespace, name));
        }
        if (!withData) {
            throw new ProblemException(ChangeProblems.onlyDataLeft(namespace, name, kept));
        }
    }
}

package io.statefulapps.access;

import io.statefulapps.app.SpecIntake;
import io.statefulapps.cluster.ClusterUnavailableException;
import io.statefulapps.problem.FailureProblems;
import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decides whether a call under {@code /api/v1/} may go ahead: the caller's bearer token must be one
 * the Kubernetes API accepts, and the caller must hold every right {@link AccessRules} lists for
 * the call. Blocks on the Kubernetes API (cached answers aside): call it from a worker thread.
 */
@ApplicationScoped
public class CallerChecks {

    /** Why a call is refused, and the challenge a 401 must carry (null for a 403 or 503). */
    public record Refusal(Problem problem, String challenge) {
    }

    private static final Logger LOG = Logger.getLogger(CallerChecks.class);

    private final boolean enabled;
    private final CallerReviews reviews;

    public CallerChecks(AuthActivation activation, CallerReviews reviews) {
        this.enabled = activation.enabled();
        this.reviews = reviews;
    }

    /** Whether callers are checked at all (a token file or in-cluster reviews); without, everyone may do everything. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * @param authorization every value of the Authorization header (null when absent)
     * @param endpoint the endpoint the path reached, empty when none of the API's
     * @param namespace the {namespace} path parameter, null when the path has none
     * @return the refusal, or empty when the call may go ahead (or checks are off)
     */
    public Optional<Refusal> check(List<String> authorization, String method, Optional<ApiEndpoint> endpoint,
            String namespace, Map<String, List<String>> query, String path) {
        if (!enabled) {
            return Optional.empty();
        }
        Optional<String> token = BearerToken.from(authorization);
        if (token.isEmpty()) {
            return Optional.of(new Refusal(CallerProblems.noToken(), CallerProblems.CHALLENGE));
        }
        Optional<List<AccessCheck>> checks = endpoint.flatMap(e -> AccessRules.checks(method, e, namespace, query));
        try {
            if (namespace != null) {
                // The contract refuses an invalid namespace before any cluster call, reviews included.
                SpecIntake.requireNamespace(namespace);
            }
            Optional<CallerIdentity> caller = reviews.authenticate(token.get());
            if (caller.isEmpty()) {
                return Optional.of(new Refusal(CallerProblems.tokenRejected(), CallerProblems.INVALID_TOKEN_CHALLENGE));
            }
            if (checks.isEmpty()) {
                LOG.errorf("No access rule for %s %s: refused. Add one to AccessRules.", method, path);
                return Optional.of(new Refusal(CallerProblems.noRule(method, path), null));
            }
            return firstRefusal(caller.get(), checks.get(), method, path);
        } catch (ProblemException e) {
            return Optional.of(new Refusal(e.problem(), null));
        } catch (ClusterUnavailableException e) {
            LOG.warn(e.getMessage());
            return Optional.of(new Refusal(FailureProblems.unavailable(e), null));
        }
    }

    /** Whether the caller may list the apps of a namespace (always, when checks are off). */
    public boolean mayList(List<String> authorization, String namespace) {
        return check(authorization, "GET", Optional.of(ApiEndpoint.APPS), namespace, Map.of(),
                "/api/v1/namespaces/" + namespace + "/apps").isEmpty();
    }

    /** For an open stream: the problem when the caller may no longer read what it streams. */
    public Optional<Problem> recheck(List<String> authorization, ApiEndpoint endpoint, String namespace,
            Map<String, List<String>> query, String path) {
        return check(authorization, "GET", Optional.of(endpoint), namespace, query, path).map(Refusal::problem);
    }

    private Optional<Refusal> firstRefusal(CallerIdentity caller, List<AccessCheck> checks, String method,
            String path) {
        for (AccessCheck check : checks) {
            AccessVerdict verdict = reviews.decide(caller, check);
            if (!verdict.allowed()) {
                Problem refused = CallerProblems.refused(caller.username(), check, verdict);
                LOG.infof("Refused %s %s: %s", method, path, refused.detail());
                return Optional.of(new Refusal(refused, null));
            }
        }
        return Optional.empty();
    }
}

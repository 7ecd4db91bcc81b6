package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.embedded.apiserver.AccessControl;
import io.statefulapps.embedded.apiserver.ApiException;
import io.statefulapps.embedded.apiserver.ApiServerContext;
import io.statefulapps.embedded.apiserver.BootstrapObject;
import io.statefulapps.embedded.apiserver.Incoming;
import io.statefulapps.embedded.apiserver.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The API server's access control when it checks every caller, as kube-apiserver started with
 * {@code --token-auth-file} and {@code --authorization-mode=RBAC}: a request without a known bearer
 * token is 401; impersonation headers are honoured when allowed; each request is authorized by
 * {@link RbacAccessControl} from the Roles, ClusterRoles and bindings the server stores (else 403
 * in kube-apiserver's words), and every decision is recorded; the review APIs and TokenRequest
 * answer from the same data. A fresh server gets the bootstrap ClusterRoles and bindings.
 */
public final class EnforcingAccess implements AccessControl {

    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    private final RbacAccessControl rbac;

    private EnforcingAccess(RbacAccessControl rbac) {
        this.rbac = rbac;
    }

    /** Access control over the server's stored RBAC objects, accepting the tokens of {@code tokens}. */
    public static EnforcingAccess over(TokenFile tokens, ApiServerContext server) {
        return new EnforcingAccess(new RbacAccessControl(tokens, new StoredRbacObjects(server.objects()),
                server.clock(), false));
    }

    /** The token of user {@code kubernetes-admin} in group {@code system:masters}. */
    public String adminToken() {
        return rbac.adminToken();
    }

    /** Every decision made: who asked what, whether it was allowed, and by which rule. */
    public DecisionRecorder decisions() {
        return rbac.decisions();
    }

    @Override
    public UserInfo authenticate(Incoming request) {
        Authentication who = rbac.authenticate(request.header("Authorization"));
        if (!who.authenticated()) {
            throw ApiException.unauthorized();
        }
        return answered(() -> toUserInfo(rbac.impersonate(who.user().orElseThrow(), request.headers())));
    }

    @Override
    public void authorize(UserInfo user, Incoming request) {
        AuthorizationDecision decision = rbac.authorize(toRbacUser(user),
                RequestAttributes.fromHttp(request.method(), request.uri()));
        if (!decision.allowed()) {
            throw ApiException.fromStatus(decision.forbiddenStatus());
        }
    }

    @Override
    public ObjectNode reviewToken(ObjectNode tokenReview) {
        return answered(() -> rbac.tokenReview(tokenReview));
    }

    @Override
    public ObjectNode reviewAccess(ObjectNode review, UserInfo caller) {
        return answered(() -> switch (review.path("kind").asText()) {
            case "SelfSubjectAccessReview" -> rbac.selfSubjectAccessReview(toRbacUser(caller), review);
            case "LocalSubjectAccessReview" -> rbac.localSubjectAccessReview(
                    review.path("metadata").path("namespace").asText(), review);
            default -> rbac.subjectAccessReview(review);
        });
    }

    @Override
    public ObjectNode reviewRules(ObjectNode review, UserInfo caller) {
        return answered(() -> rbac.selfSubjectRulesReview(toRbacUser(caller), review));
    }

    @Override
    public ObjectNode reviewSelf(ObjectNode review, UserInfo caller) {
        return answered(() -> rbac.selfSubjectReview(toRbacUser(caller), review));
    }

    @Override
    public ObjectNode requestToken(ObjectNode serviceAccount, ObjectNode tokenRequest, UserInfo caller) {
        return answered(() -> rbac.tokenRequest(serviceAccount.path("metadata").path("namespace").asText(),
                serviceAccount.path("metadata").path("name").asText(), tokenRequest));
    }

    @Override
    public List<BootstrapObject> bootstrapObjects() {
        List<BootstrapObject> objects = new ArrayList<>();
        BootstrapPolicy.clusterRoles().forEach(o -> objects.add(new BootstrapObject(RBAC_GROUP, "clusterroles", o)));
        BootstrapPolicy.clusterRoleBindings()
                .forEach(o -> objects.add(new BootstrapObject(RBAC_GROUP, "clusterrolebindings", o)));
        return objects;
    }

    /** This package's refusals become the server's, with the same Status. */
    private static <T> T answered(Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiRefusal refusal) {
            throw ApiException.fromStatus(refusal.status());
        }
    }

    private static UserInfo toUserInfo(RbacUser user) {
        return new UserInfo(user.name(), user.uid(), user.groups(), user.extra());
    }

    private static RbacUser toRbacUser(UserInfo user) {
        return new RbacUser(user.name(), user.uid(), user.groups(), user.extra());
    }
}

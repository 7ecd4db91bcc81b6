package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.List;

/**
 * The default hardening, merged under what the user gave: a default only fills a field the user
 * left unset, so the spec can always go further (or opt out field by field).
 *
 * <p>Deliberately mild so that images running as root keep working: no {@code runAsNonRoot}, no
 * dropped capabilities, no read-only root file system. What it does set:
 * <ul>
 * <li>container {@code allowPrivilegeEscalation: false} — no setuid escalation; left unset when
 * the container is {@code privileged} or adds {@code SYS_ADMIN}, because the API server refuses
 * that combination;</li>
 * <li>pod {@code seccompProfile: {type: RuntimeDefault}} — the runtime's default syscall filter,
 * which ordinary workloads never notice.</li>
 * </ul>
 */
public final class Hardening {

    public static final String SECCOMP_RUNTIME_DEFAULT = "RuntimeDefault";

    private Hardening() {
    }

    public static SecurityContext container(SecurityContext user) {
        SecurityContextBuilder merged = user == null ? new SecurityContextBuilder() : new SecurityContextBuilder(user);
        if ((user == null || user.getAllowPrivilegeEscalation() == null) && !needsEscalation(user)) {
            merged.withAllowPrivilegeEscalation(false);
        }
        return merged.build();
    }

    public static PodSecurityContext pod(PodSecurityContext user) {
        PodSecurityContextBuilder merged = user == null
                ? new PodSecurityContextBuilder()
                : new PodSecurityContextBuilder(user);
        if (user == null || user.getSeccompProfile() == null) {
            merged.withNewSeccompProfile().withType(SECCOMP_RUNTIME_DEFAULT).endSeccompProfile();
        }
        return merged.build();
    }

    private static boolean needsEscalation(SecurityContext user) {
        if (user == null) {
            return false;
        }
        if (Boolean.TRUE.equals(user.getPrivileged())) {
            return true;
        }
        Capabilities capabilities = user.getCapabilities();
        List<String> added = capabilities == null ? null : capabilities.getAdd();
        return added != null && (added.contains("SYS_ADMIN") || added.contains("CAP_SYS_ADMIN"));
    }
}

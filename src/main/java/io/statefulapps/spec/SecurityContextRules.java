package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.AppArmorProfile;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Sysctl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The container {@code securityContext} and the pod {@code podSecurityContext} (Fabric8's model, passed
 * through): the API server's rules for them, so that a spec it would refuse is refused here first.
 */
final class SecurityContextRules {

    /** Linux user and group IDs are 32-bit; the API server refuses negative ones and those above int32. */
    static final long MAX_ID = Integer.MAX_VALUE;

    static final List<String> PROC_MOUNTS = List.of("Default", "Unmasked");
    static final List<String> PROFILE_TYPES = List.of("RuntimeDefault", "Unconfined", "Localhost");
    static final List<String> FS_GROUP_CHANGE_POLICIES = List.of("OnRootMismatch", "Always");
    static final List<String> SUPPLEMENTAL_GROUPS_POLICIES = List.of("Merge", "Strict");
    static final List<String> SE_LINUX_CHANGE_POLICIES = List.of("MountOption", "Recursive");

    /** The only capability whose addition the API server refuses together with allowPrivilegeEscalation: false. */
    static final String CAP_SYS_ADMIN = "CAP_SYS_ADMIN";

    static final int SYSCTL_NAME_MAX = 253;
    /** Dot- or slash-separated segments, as sysctl names are written (e.g. net.ipv4.ip_local_port_range). */
    private static final Pattern SYSCTL_NAME_RE =
            Pattern.compile("([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");

    private SecurityContextRules() {
    }

    static void check(AppSpec spec, FieldErrors errors) {
        container("securityContext", spec.securityContext(), errors);
        pod("podSecurityContext", spec.podSecurityContext(), errors);
    }

    private static void container(String field, SecurityContext sc, FieldErrors errors) {
        if (sc == null) {
            return;
        }
        errors.inRange(field + ".runAsUser", sc.getRunAsUser(), 0, MAX_ID);
        errors.inRange(field + ".runAsGroup", sc.getRunAsGroup(), 0, MAX_ID);
        Capabilities capabilities = sc.getCapabilities();
        boolean addsSysAdmin = false;
        if (capabilities != null) {
            capabilityNames(field + ".capabilities.add", capabilities.getAdd(), errors);
            capabilityNames(field + ".capabilities.drop", capabilities.getDrop(), errors);
            addsSysAdmin = capabilities.getAdd() != null && capabilities.getAdd().contains(CAP_SYS_ADMIN);
        }
        // Both grant what "no escalation" promises to withhold, so the API server refuses the pair.
        if (Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            if (Boolean.TRUE.equals(sc.getPrivileged())) {
                errors.add(field + ".allowPrivilegeEscalation", "cannot be false when privileged is true"
                        + " (a privileged container can always escalate); leave it unset or true");
            }
            if (addsSysAdmin) {
                errors.add(field + ".allowPrivilegeEscalation", "cannot be false when capabilities.add contains "
                        + CAP_SYS_ADMIN + "; leave it unset or true");
            }
        }
        errors.oneOf(field + ".procMount", sc.getProcMount(), PROC_MOUNTS);
        // The API server allows an unmasked /proc only in a pod with its own user namespace (hostUsers:
        // false); the rendered pods never set hostUsers, so it would refuse every one of them.
        if ("Unmasked".equals(sc.getProcMount())) {
            errors.add(field + ".procMount", "'Unmasked' needs a pod in its own user namespace (hostUsers: false),"
                    + " which this service does not create; use Default or leave it unset");
        }
        profiles(field, sc.getSeccompProfile(), sc.getAppArmorProfile(), errors);
    }

    /** The seccomp and AppArmor profiles, set the same way on a container and on the pod. */
    private static void profiles(String field, SeccompProfile seccomp, AppArmorProfile appArmor, FieldErrors errors) {
        if (seccomp != null) {
            profile(field + ".seccompProfile", seccomp.getType(), seccomp.getLocalhostProfile(), errors);
        }
        if (appArmor != null) {
            profile(field + ".appArmorProfile", appArmor.getType(), appArmor.getLocalhostProfile(), errors);
        }
    }

    private static void pod(String field, PodSecurityContext sc, FieldErrors errors) {
        if (sc == null) {
            return;
        }
        errors.inRange(field + ".runAsUser", sc.getRunAsUser(), 0, MAX_ID);
        errors.inRange(field + ".runAsGroup", sc.getRunAsGroup(), 0, MAX_ID);
        errors.inRange(field + ".fsGroup", sc.getFsGroup(), 0, MAX_ID);
        List<Long> groups = sc.getSupplementalGroups();
        if (groups != null) {
            for (int i = 0; i < groups.size(); i++) {
                String item = FieldErrors.at(field + ".supplementalGroups", i);
                if (groups.get(i) == null) {
                    errors.add(item, "must be a group ID (an integer), not null");
                } else {
                    errors.inRange(item, groups.get(i), 0, MAX_ID);
                }
            }
        }
        errors.oneOf(field + ".fsGroupChangePolicy", sc.getFsGroupChangePolicy(), FS_GROUP_CHANGE_POLICIES);
        errors.oneOf(field + ".supplementalGroupsPolicy", sc.getSupplementalGroupsPolicy(),
                SUPPLEMENTAL_GROUPS_POLICIES);
        errors.oneOf(field + ".seLinuxChangePolicy", sc.getSeLinuxChangePolicy(), SE_LINUX_CHANGE_POLICIES);
        profiles(field, sc.getSeccompProfile(), sc.getAppArmorProfile(), errors);
        sysctls(field + ".sysctls", sc.getSysctls(), errors);
    }

    private static void capabilityNames(String field, List<String> names, FieldErrors errors) {
        if (names == null) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                errors.add(FieldErrors.at(field, i), "must be a capability name such as NET_ADMIN or ALL, not empty");
            }
        }
    }

    /** Seccomp and AppArmor profiles share a shape: a type, and a file on the node only for Localhost. */
    private static void profile(String field, String type, String localhostProfile, FieldErrors errors) {
        if (errors.required(field + ".type", type, "one of " + String.join(", ", PROFILE_TYPES))) {
            errors.oneOf(field + ".type", type, PROFILE_TYPES);
        }
        boolean hasLocalhostProfile = localhostProfile != null && !localhostProfile.isEmpty();
        if ("Localhost".equals(type) && !hasLocalhostProfile) {
            errors.add(field + ".localhostProfile", "is required when type is Localhost: the profile's path"
                    + " on the node, relative to the runtime's profile directory");
        } else if (type != null && !"Localhost".equals(type) && localhostProfile != null) {
            errors.add(field + ".localhostProfile", "must only be set when type is Localhost");
        }
    }

    private static void sysctls(String field, List<Sysctl> sysctls, FieldErrors errors) {
        if (sysctls == null) {
            return;
        }
        Map<String, Integer> firstIndexByName = new HashMap<>();
        for (int i = 0; i < sysctls.size(); i++) {
            String item = FieldErrors.at(field, i);
            Sysctl sysctl = sysctls.get(i);
            if (sysctl == null) {
                errors.add(item, "must be a sysctl {name, value}, not null");
                continue;
            }
            String name = sysctl.getName();
            if (errors.required(item + ".name", name, "the kernel parameter, e.g. net.ipv4.tcp_keepalive_time")) {
                if (name.length() > SYSCTL_NAME_MAX || !SYSCTL_NAME_RE.matcher(name).matches()) {
                    errors.add(item + ".name", "'" + name + "' must be a sysctl name of at most " + SYSCTL_NAME_MAX
                            + " characters: lower-case letters, digits, '-' and '_' in segments separated by"
                            + " '.' or '/' (e.g. 'net.ipv4.tcp_keepalive_time')");
                }
                Integer first = firstIndexByName.putIfAbsent(name, i);
                if (first != null) {
                    errors.add(item + ".name", "'" + name + "' is already set by " + FieldErrors.at(field, first));
                }
            }
            errors.required(item + ".value", sysctl.getValue(), "the value to set the kernel parameter to");
        }
    }
}

package io.statefulapps.spec;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The volumes: each is a volumeClaimTemplate (every pod gets its own claim) plus where the container
 * sees it. For {@code volumeMode: Filesystem} (the default) {@code mountPath} is a directory; for
 * {@code Block} the claim is a raw device and {@code mountPath} is its device path in the container
 * ({@code volumeDevices[].devicePath}), so {@code subPath} and {@code readOnly} do not apply.
 */
final class VolumeRules {

    static final List<String> ACCESS_MODES = List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany",
            "ReadWriteOncePod");
    static final List<String> VOLUME_MODES = List.of("Filesystem", "Block");

    private VolumeRules() {
    }

    static void check(List<VolumeSpec> volumes, FieldErrors errors) {
        if (volumes == null) {
            return;
        }
        Map<String, Integer> firstIndexByName = new HashMap<>();
        Map<String, Integer> firstIndexByPath = new HashMap<>();
        errors.eachItem("volumes", volumes, "a volume {name, mountPath, size}", (volume, field, i) -> {
            checkName(volume.name(), field + ".name", i, firstIndexByName, errors);
            checkMountPath(volume.mountPath(), field + ".mountPath", i, firstIndexByPath, errors);
            checkSize(volume.size(), field + ".size", errors);
            if (volume.storageClassName() != null && !volume.storageClassName().isEmpty()) {
                // "" is meaningful: no class, bind to a pre-provisioned volume
                errors.addAll(field + ".storageClassName", volume.storageClassName(),
                        KubernetesNames.dns1123Subdomain(volume.storageClassName()));
            }
            checkAccessModes(volume.accessModes(), field + ".accessModes", errors);
            errors.oneOf(field + ".volumeMode", volume.volumeMode(), VOLUME_MODES);
            if ("Block".equals(volume.volumeMode())) {
                if (volume.subPath() != null) {
                    errors.add(field + ".subPath", "is not allowed for a Block volume: it is a device, not a"
                            + " directory");
                }
                if (Boolean.TRUE.equals(volume.readOnly())) {
                    errors.add(field + ".readOnly", "is not supported for a Block volume");
                }
            } else if (volume.subPath() != null) {
                checkSubPath(volume.subPath(), field + ".subPath", errors);
            }
        });
    }

    private static void checkName(String name, String field, int index, Map<String, Integer> firstIndexByName,
            FieldErrors errors) {
        if (name == null || name.isEmpty()) {
            errors.add(field, "is required: it names the claim template and the pods' claims (<name>-<pod>)");
            return;
        }
        errors.addAll(field, name, KubernetesNames.dns1123Label(name));
        Integer first = firstIndexByName.putIfAbsent(name, index);
        if (first != null) {
            errors.add(field, "'" + name + "' is already the name of volumes[" + first + "]");
        }
    }

    private static void checkMountPath(String path, String field, int index, Map<String, Integer> firstIndexByPath,
            FieldErrors errors) {
        if (path == null || path.isEmpty()) {
            errors.add(field, "is required: where the volume appears in the container, e.g. /data");
            return;
        }
        if (!path.startsWith("/")) {
            errors.add(field, "'" + path + "' must be an absolute path (start with '/')");
        }
        if (path.contains(":")) {
            errors.add(field, "'" + path + "' must not contain ':'");
        }
        Integer first = firstIndexByPath.putIfAbsent(normalized(path), index);
        if (first != null) {
            errors.add(field, "'" + path + "' is already the mountPath of volumes[" + first + "]; each volume"
                    + " needs its own path");
        }
    }

    /** "/data/" and "/data" are the same place. */
    private static String normalized(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static void checkSize(String size, String field, FieldErrors errors) {
        if (size == null) {
            errors.add(field, "is required: the storage each pod's claim requests, e.g. 1Gi");
            return;
        }
        Optional<BigDecimal> amount = Quantities.amount(size);
        if (amount.isEmpty()) {
            errors.add(field, "'" + size + "' " + Quantities.FORMAT_HINT.replace("'500m', '2', ", ""));
        } else if (amount.get().signum() <= 0) {
            errors.add(field, "'" + size + "' must be greater than zero");
        }
    }

    private static void checkAccessModes(List<String> modes, String field, FieldErrors errors) {
        // an empty list is no list (the default), as generated clients send every list they model
        if (modes == null || modes.isEmpty()) {
            return;
        }
        for (int i = 0; i < modes.size(); i++) {
            String mode = modes.get(i);
            if (mode == null) {
                errors.add(FieldErrors.at(field, i), "must be an access mode, not null");
            } else {
                errors.oneOf(FieldErrors.at(field, i), mode, ACCESS_MODES);
                int first = modes.indexOf(mode);
                if (first < i) {
                    errors.add(FieldErrors.at(field, i), "'" + mode + "' is already listed at [" + first + "]");
                }
            }
        }
        if (modes.contains("ReadWriteOncePod") && modes.size() > 1) {
            errors.add(field, "ReadWriteOncePod cannot be combined with other access modes");
        }
    }

    private static void checkSubPath(String subPath, String field, FieldErrors errors) {
        if (subPath.startsWith("/")) {
            errors.add(field, "'" + subPath + "' must be a relative path inside the volume");
        }
        for (String element : subPath.split("/")) {
            if (element.equals("..")) {
                errors.add(field, "'" + subPath + "' must not contain '..'");
                break;
            }
        }
    }
}

package io.statefulapps.health;

/**
 * What the rules need to know about a StorageClass (a trimmed copy, so the snapshot need not hold
 * StorageClass objects).
 *
 * @param volumeBindingMode {@code Immediate} or {@code WaitForFirstConsumer}
 */
public record StorageClassInfo(String name, String volumeBindingMode, boolean allowVolumeExpansion, boolean isDefault) {

    public boolean waitsForFirstConsumer() {
        return "WaitForFirstConsumer".equals(volumeBindingMode);
    }
}

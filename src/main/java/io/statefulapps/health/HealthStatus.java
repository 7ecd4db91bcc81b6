package io.statefulapps.health;

/**
 * The health vocabulary, spelled exactly as Argo CD spells it so that portals can reuse their
 * badges; the constant names are the JSON values.
 *
 * <p>Aggregation is worst-of, in this order (worst first):
 * {@code Unknown > Missing > Degraded > Progressing > Suspended > Healthy}.
 * Unknown is worst because it means "we cannot tell" (the caches have not synced), so no other
 * verdict may be trusted. Missing beats Degraded because an app lacking one of its three objects
 * is structurally broken; its pods' troubles are listed as problems anyway. Suspended sits just
 * above Healthy: scaled to zero on purpose is a fine state, but a portal should not call it
 * Healthy.
 */
public enum HealthStatus {
    Healthy,
    Suspended,
    Progressing,
    Degraded,
    Missing,
    Unknown;

    /** The worse of the two; {@code null} counts as "no opinion". */
    public HealthStatus worse(HealthStatus other) {
        if (other == null) {
            return this;
        }
        return other.ordinal() > ordinal() ? other : this;
    }
}

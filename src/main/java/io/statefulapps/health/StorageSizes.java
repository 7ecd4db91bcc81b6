package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Map;

/** The {@code storage} quantity of claims and volumes, in bytes to compare and as written to show. */
final class StorageSizes {

    static final String STORAGE = "storage";

    private StorageSizes() {
    }

    /** The {@code storage} entry of a resources map, {@code null} when absent. */
    static Quantity storage(Map<String, Quantity> resources) {
        return resources == null ? null : resources.get(STORAGE);
    }

    /** Bytes of a quantity, {@code null} when absent or unreadable. */
    static BigDecimal bytes(Quantity quantity) {
        if (quantity == null) {
            return null;
        }
        try {
            return Quantity.getAmountInBytes(quantity);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The quantity as Kubernetes writes it ({@code 1Gi}), {@code null} when absent. */
    static String text(Quantity quantity) {
        if (quantity == null) {
            return null;
        }
        String format = quantity.getFormat() == null ? "" : quantity.getFormat();
        return quantity.getAmount() + format;
    }
}

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

    /** The quantity a text such as {@code 1Gi} stands for, {@code null} when absent or unreadable. */
    static Quantity quantity(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new Quantity(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Bytes in the largest binary unit that divides them evenly ({@code 3Gi}, {@code 1536Mi}). */
    static String textOf(BigDecimal bytes) {
        String[] units = {"Ti", "Gi", "Mi", "Ki"};
        for (int i = 0; i < units.length; i++) {
            BigDecimal unit = BigDecimal.valueOf(1024).pow(units.length - i);
            if (bytes.compareTo(unit) >= 0 && bytes.remainder(unit).signum() == 0) {
                return bytes.divide(unit).toBigInteger() + units[i];
            }
        }
        return bytes.toBigInteger().toString();
    }
}

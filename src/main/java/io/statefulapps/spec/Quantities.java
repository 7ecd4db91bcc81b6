package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code "100m"}, {@code "512Mi"}, {@code "1e3"}, {@code "2"}).
 *
 * <p>The string is checked against the API server's grammar first, because Fabric8's
 * {@link Quantity} is lenient (it accepts strings Kubernetes refuses, such as {@code "1 Gi"} or
 * {@code "1gb"}); the amount is then computed with Fabric8 so that comparisons agree with the
 * rest of the Fabric8-based code.
 */
public final class Quantities {

    /**
     * {@code <signedNumber><suffix>}: a decimal number (no exponent of its own), then nothing, a binary
     * SI suffix (Ki…Ei), a decimal SI suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3).
     */
    private static final Pattern QUANTITY = Pattern.compile(
            "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");

    /** What a user should write instead, used in messages. */
    public static final String FORMAT_HINT = "must be a Kubernetes quantity such as '500m', '2', '512Mi' or '1Gi'";

    private Quantities() {
    }

    /** The amount of a well-formed quantity in base units (cores, bytes); empty when it is not one. */
    public static Optional<BigDecimal> amount(String value) {
        if (value == null || !QUANTITY.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Quantity.getAmountInBytes(new Quantity(value)));
        } catch (RuntimeException notAQuantity) {
            // Fabric8 throws IllegalArgumentException / ArithmeticException / NumberFormatException
            return Optional.empty();
        }
    }

    public static boolean isValid(String value) {
        return amount(value).isPresent();
    }

    /** True when the quantity is a whole number of base units (extended resources must be). */
    public static boolean isWhole(BigDecimal amount) {
        return amount.signum() == 0 || amount.stripTrailingZeros().scale() <= 0;
    }
}

package io.statefulapps.embedded.apiserver.protobuf;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check Go's {@code resource.ParseQuantity} makes when the API server reads a Quantity from
 * protobuf, in its order (form, then suffix, then number) and with its error messages. The string
 * itself is kept as sent: Go clients send the canonical form, and the embedded API server treats JSON
 * quantities the same way.
 */
final class QuantityFormat {

    private static final String GO_PATTERN = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
    /** What Go's hand-written parser accepts: sign, digits, fraction, suffix letters, exponent. */
    private static final Pattern FORM =
            Pattern.compile("[+-]?(?<whole>[0-9]*)(\\.(?<fraction>[0-9]*))?(?<suffix>[eEinumkKMGTP]*[-+]?[0-9]*)");
    private static final Pattern EXPONENT = Pattern.compile("[eE][-+]?[0-9]+");
    private static final Set<String> SUFFIXES = Set.of(
            "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E");

    private QuantityFormat() {
    }

    static String checked(String quantity) {
        Matcher parts = FORM.matcher(quantity);
        if (quantity.isEmpty() || !parts.matches()) {
            throw ProtobufDecodingException.of("quantities must match the regular expression '" + GO_PATTERN + "'");
        }
        String suffix = parts.group("suffix");
        if (!SUFFIXES.contains(suffix) && !EXPONENT.matcher(suffix).matches()) {
            throw ProtobufDecodingException.of("unable to parse quantity's suffix");
        }
        String fraction = parts.group("fraction");
        if (parts.group("whole").isEmpty() && (fraction == null || fraction.isEmpty())) {
            throw ProtobufDecodingException.of("unable to parse numeric part of quantity");
        }
        return quantity;
    }
}

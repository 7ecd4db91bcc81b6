package io.statefulapps.embedded.apiserver.protobuf;

/** Go's {@code time.Duration.String()}, which is how {@code metav1.Duration} appears in JSON. */
final class GoDuration {

    private static final long MICROSECOND = 1_000L;
    private static final long MILLISECOND = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private GoDuration() {
    }

    /** "1h0m0s", "1.5s", "300ms", "2µs", "0s": the largest unit first, no trailing zeros. */
    static String format(long nanos) {
        // Go works on the magnitude as an unsigned number, so that the minimum int64 has one too.
        long magnitude = nanos < 0 ? -nanos : nanos;
        StringBuilder reversed = new StringBuilder();
        if (Long.compareUnsigned(magnitude, SECOND) < 0) {
            if (magnitude == 0) {
                return "0s";
            }
            reversed.append('s');
            int precision;
            if (magnitude < MICROSECOND) {
                precision = 0;
                reversed.append('n');
            } else if (magnitude < MILLISECOND) {
                precision = 3;
                reversed.append('µ');
            } else {
                precision = 6;
                reversed.append('m');
            }
            long whole = appendFraction(reversed, magnitude, precision);
            appendDigits(reversed, whole);
        } else {
            reversed.append('s');
            long seconds = appendFraction(reversed, magnitude, 9);
            appendDigits(reversed, Long.remainderUnsigned(seconds, 60));
            long minutes = Long.divideUnsigned(seconds, 60);
            if (minutes > 0) {
                reversed.append('m');
                appendDigits(reversed, minutes % 60);
                long hours = minutes / 60;
                if (hours > 0) {
                    reversed.append('h');
                    appendDigits(reversed, hours);
                }
            }
        }
        if (nanos < 0) {
            reversed.append('-');
        }
        return reversed.reverse().toString();
    }

    /** Appends (reversed) the fraction of value / 10^precision without trailing zeros; returns the rest. */
    private static long appendFraction(StringBuilder reversed, long value, int precision) {
        boolean printing = false;
        long rest = value;
        for (int i = 0; i < precision; i++) {
            long digit = Long.remainderUnsigned(rest, 10);
            printing = printing || digit != 0;
            if (printing) {
                reversed.append((char) ('0' + digit));
            }
            rest = Long.divideUnsigned(rest, 10);
        }
        if (printing) {
            reversed.append('.');
        }
        return rest;
    }

    private static void appendDigits(StringBuilder reversed, long value) {
        reversed.append(new StringBuilder(Long.toUnsignedString(value)).reverse());
    }
}

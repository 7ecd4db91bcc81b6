package io.statefulapps.health;

/**
 * Kubelet, provisioner and container messages can span lines and run long; a report line (a hint,
 * a chat bot's line) must not. Every run of whitespace becomes one space, the ends are trimmed, and
 * what is longer than the limit ends in an ellipsis.
 */
final class OneLine {

    private OneLine() {
    }

    /** The text on one line of at most {@code max} characters; "" for null. */
    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        // By hand rather than replaceAll("\\s+", " "): a report is computed at every change of an
        // app, and compiling the pattern each time was 7 % of computing one.
        StringBuilder line = new StringBuilder(Math.min(text.length(), max + 1));
        boolean pendingSpace = false;
        for (int i = 0; i < text.length() && line.length() <= max; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = line.length() > 0;
            } else {
                if (pendingSpace) {
                    line.append(' ');
                    pendingSpace = false;
                }
                line.append(c);
            }
        }
        return line.length() > max ? line.substring(0, max - 1) + "\u2026" : line.toString();
    }

    /** What a regular expression's {@code \s} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}

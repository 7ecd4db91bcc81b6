package io.statefulapps.api;

import io.statefulapps.health.HealthStatus;
import java.util.Locale;

/**
 * A small SVG badge in the shields.io style: the app's name on the left, its verdict on the right
 * in the verdict's colour (Argo CD's palette, so portals that show both look alike). Pure.
 */
final class HealthBadge {

    /** Approximate width of one character of 11px Verdana, which the badge uses. */
    private static final double CHAR_WIDTH = 6.8;
    private static final int PADDING = 10;

    private HealthBadge() {
    }

    static String of(String app, HealthStatus status) {
        return render(app, status.name(), colour(status));
    }

    static String notFound(String app) {
        return render(app, "not found", "#9f9f9f");
    }

    static String colour(HealthStatus status) {
        return switch (status) {
            case Healthy -> "#18be52";
            case Progressing -> "#0dadea";
            case Suspended -> "#766f94";
            case Degraded -> "#e96d76";
            case Missing -> "#f4c030";
            case Unknown -> "#9f9f9f";
        };
    }

    private static String render(String label, String message, String colour) {
        int left = width(label);
        int right = width(message);
        int total = left + right;
        String title = escape(label + ": " + message);
        return String.format(Locale.ROOT, """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s">
                <title>%s</title>
                <linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>\
                <stop offset="1" stop-opacity=".1"/></linearGradient>
                <clipPath id="r"><rect width="%d" height="20" rx="3" fill="#fff"/></clipPath>
                <g clip-path="url(#r)"><rect width="%d" height="20" fill="#555"/>\
                <rect x="%d" width="%d" height="20" fill="%s"/><rect width="%d" height="20" fill="url(#s)"/></g>
                <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
                <text x="%.1f" y="14">%s</text>
                <text x="%.1f" y="14">%s</text>
                </g>
                </svg>
                """, total, title, title, total, left, left, right, colour, total, left / 2.0, escape(label),
                left + right / 2.0, escape(message));
    }

    private static int width(String text) {
        return (int) Math.ceil(text.length() * CHAR_WIDTH) + PADDING;
    }

    private static String escape(String text) {
        return xmlCharacters(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    /** Characters XML 1.0 cannot hold (controls, U+FFFE, U+FFFF, lone surrogates) become U+FFFD. */
    private static String xmlCharacters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)
                ? c : 0xFFFD));
        return out.toString();
    }
}

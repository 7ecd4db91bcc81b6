package io.statefulapps.embedded.apiserver.rbac;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV dialect of Go's {@code encoding/csv} reader with default settings, which kube-apiserver
 * reads its token file with: fields separated by commas, a record per line ({@code \r\n} or
 * {@code \n}), empty lines skipped, a field may be quoted ({@code ""} is a quote inside it, and it
 * may span lines), a quote inside an unquoted field or after a closing quote is an error. There are
 * no comments: a {@code #} line is a record like any other. Spaces are kept.
 */
final class CsvRecords {

    /** One record and the line it starts on. */
    record Row(int line, List<String> fields) {
    }

    static final String BARE_QUOTE = "bare \" in non-quoted-field";
    static final String MISSING_QUOTE = "extraneous or missing \" in quoted-field";

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int previousLineStart;

    private CsvRecords(String text) {
        this.text = text.replace("\r\n", "\n");
    }

    /** Every record, or a {@link TokenFileException} worded like Go's {@code csv.ParseError}. */
    static List<Row> parse(String text, String source) {
        return new CsvRecords(text).rows(source);
    }

    private List<Row> rows(String source) {
        List<Row> rows = new ArrayList<>();
        while (pos < text.length()) {
            if (text.charAt(pos) == '\n') {
                pos++;
                newLine();
                continue;
            }
            int startLine = line;
            List<String> fields = new ArrayList<>();
            boolean more = true;
            while (more) {
                more = field(fields, startLine, source);
            }
            rows.add(new Row(startLine, fields));
        }
        return rows;
    }

    /** Reads one field; true when another field of the same record follows. */
    private boolean field(List<String> fields, int startLine, String source) {
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quoted(fields, startLine, source);
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\n') {
            if (text.charAt(pos) == '"') {
                throw error(source, startLine, BARE_QUOTE);
            }
            pos++;
        }
        fields.add(text.substring(start, pos));
        return endOfField();
    }

    private boolean quoted(List<String> fields, int startLine, String source) {
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                if (text.endsWith("\n")) {
                    // like Go, the end of the file is the end of the last line, not the start of a new one
                    line--;
                    lineStart = previousLineStart;
                }
                throw error(source, startLine, MISSING_QUOTE);
            }
            char c = text.charAt(pos);
            if (c == '"' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                value.append('"');
                pos += 2;
            } else if (c == '"') {
                pos++;
                if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\n') {
                    throw error(source, startLine, MISSING_QUOTE);
                }
                fields.add(value.toString());
                return endOfField();
            } else {
                value.append(c);
                pos++;
                if (c == '\n') {
                    newLine();
                }
            }
        }
    }

    /** Consumes the separator after a field; true when it was a comma. */
    private boolean endOfField() {
        if (pos >= text.length()) {
            return false;
        }
        boolean comma = text.charAt(pos) == ',';
        pos++;
        if (!comma) {
            newLine();
        }
        return comma;
    }

    private void newLine() {
        previousLineStart = lineStart;
        line++;
        lineStart = pos;
    }

    private TokenFileException error(String source, int startLine, String what) {
        int column = pos - lineStart + 1;
        String where = startLine == line ? "parse error on line " + line + ", column " + column
                : "record on line " + startLine + "; parse error on line " + line + ", column " + column;
        return new TokenFileException("token file '" + source + "': " + where + ": " + what, line);
    }
}

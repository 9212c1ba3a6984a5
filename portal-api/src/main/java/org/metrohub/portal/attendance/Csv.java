package org.metrohub.portal.attendance;

/**
 * A CSV document as RFC 4180 writes it: CRLF line ends, a cell quoted when it holds a comma, a quote, CR or
 * LF, a quote inside doubled. Text cells that a spreadsheet would run as a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or CR) get a leading {@code '} first, so a display name such as
 * {@code =HYPERLINK(…)} opens as text (OWASP "CSV injection").
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    /** Appends a row; a null cell is empty, a string is text, anything else its {@code toString()}. */
    Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells[i];
            if (cell instanceof String text) {
                appendQuoted(neutralise(text));
            } else if (cell != null) {
                appendQuoted(cell.toString());
            }
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** The text with a leading {@code '} when a spreadsheet would read it as a formula. */
    static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private void appendQuoted(String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}

package org.metrohub.media.sfu;

import java.io.ByteArrayOutputStream;

/** Test bytes written as annotated hex: whitespace is ignored and {@code #} starts a comment to end of line. */
public final class AnnotatedHex {
    private AnnotatedHex() {
    }

    public static byte[] bytes(String annotated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : annotated.split("\n")) {
            int comment = line.indexOf('#');
            String hex = (comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s", "");
            if (hex.length() % 2 != 0) {
                throw new IllegalArgumentException("odd hex digits in: " + line);
            }
            for (int i = 0; i < hex.length(); i += 2) {
                out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
            }
        }
        return out.toByteArray();
    }
}

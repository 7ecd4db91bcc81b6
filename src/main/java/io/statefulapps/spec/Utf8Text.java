package io.statefulapps.spec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies that are not UTF-8 (RFC 8259, section 8.1) although Jackson reads them: it
 * decodes overlong forms such as {@code C0 80} into the character they spell (here NUL), which
 * strict UTF-8 (RFC 3629) forbids because such bytes slip past checks on the raw text.
 */
public final class Utf8Text {

    private Utf8Text() {
    }

    /** Throws {@link MalformedSpecException} naming the offset of the first byte that is not UTF-8. */
    public static void require(byte[] body) {
        if (isAscii(body)) {
            return;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.min(body.length, 8192));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw new MalformedSpecException("", "the body is not UTF-8: the byte sequence at byte "
                        + in.position() + " is malformed (an overlong or otherwise invalid encoding)", null);
            }
            if (result.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}

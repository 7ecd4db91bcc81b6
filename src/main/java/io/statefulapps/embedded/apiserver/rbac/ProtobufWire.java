package io.statefulapps.embedded.apiserver.rbac;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * The protocol buffers wire format, as far as reading messages needs it: tagged fields of varints,
 * 64- and 32-bit values and length-delimited bytes (strings and nested messages). Unknown fields
 * are skipped; malformed input is an {@link IllegalArgumentException}.
 */
final class ProtobufWire {

    /** One field: its number and, for length-delimited ones, its bytes; for varints, its value. */
    record Field(int number, long varint, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ProtobufWire() {
    }

    /** Calls {@code onField} for each field of {@code message}, in order. */
    static void read(byte[] message, BiConsumer<Integer, Field> onField) {
        int[] pos = {0};
        while (pos[0] < message.length) {
            long key = varint(message, pos);
            int number = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            switch (wireType) {
                case 0 -> onField.accept(number, new Field(number, varint(message, pos), new byte[0]));
                case 1 -> skip(message, pos, 8);
                case 2 -> {
                    long length = varint(message, pos);
                    if (length < 0 || length > message.length - pos[0]) {
                        throw new IllegalArgumentException("a field runs past the end of the message");
                    }
                    byte[] bytes = new byte[(int) length];
                    System.arraycopy(message, pos[0], bytes, 0, bytes.length);
                    pos[0] += bytes.length;
                    onField.accept(number, new Field(number, 0, bytes));
                }
                case 5 -> skip(message, pos, 4);
                default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
            }
        }
    }

    private static void skip(byte[] message, int[] pos, int count) {
        if (pos[0] + count > message.length) {
            throw new IllegalArgumentException("a field runs past the end of the message");
        }
        pos[0] += count;
    }

    private static long varint(byte[] message, int[] pos) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= message.length) {
                throw new IllegalArgumentException("a number runs past the end of the message");
            }
            byte b = message[pos[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a number is longer than 64 bits");
    }
}

package io.github.attribution.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The byte classes and word-at-a-time (SWAR) helpers shared by the record scans of {@link
 * PathFileScanner} and {@link TouchpointFileScanner}.
 */
final class ByteClasses {
    /**
     * Byte classes for the record scans: 0 an ordinary byte, else one of {@link #COMMA}, {@link #LF},
     * {@link #CR}, {@link #QUOTE} or {@link #WIDE}. Shared: never write to it (clone it to add a class).
     */
    static final byte[] CLASS = new byte[256];

    static final byte COMMA = 1;
    static final byte LF = 2;
    static final byte CR = 3;
    static final byte QUOTE = 4;
    /** A byte of at least 0x80 (part of a multi-byte UTF-8 character). */
    static final byte WIDE = 5;

    static {
        CLASS[','] = COMMA;
        CLASS['\n'] = LF;
        CLASS['\r'] = CR;
        CLASS['"'] = QUOTE;
        for (int b = 0x80; b < 0x100; b++) {
            CLASS[b] = WIDE;
        }
    }

    /** Reads 8 bytes of a byte array as a little-endian {@code long}. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static final long ONES = 0x0101010101010101L;
    static final long HIGHS = 0x8080808080808080L;

    private ByteClasses() {}

    /**
     * In the 8 bytes of {@code word} (little-endian), a bit set in the first byte that is a comma, LF,
     * CR, quote or at least 0x80, and maybe in later ones; 0 when there is none.
     */
    static long special(long word) {
        return zeroByte(word ^ (ONES * ','))
                | zeroByte(word ^ (ONES * '\n'))
                | zeroByte(word ^ (ONES * '\r'))
                | zeroByte(word ^ (ONES * '"'))
                | (word & HIGHS);
    }

    /**
     * The high bit of the first zero byte of {@code x}: exact for the lowest zero byte (a borrow can
     * only mark bytes above it).
     */
    static long zeroByte(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}

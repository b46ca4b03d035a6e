package dev.eddy.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flink's BATCH mode processes keys in the order of their serialized bytes, compared signed. */
class SerializedKeyOrderTest {
    @Test
    void stringsSortByLengthFirstThenChars() {
        assertArrayEquals(new byte[] {1}, SerializedKeyOrder.bytes(""));
        assertArrayEquals(new byte[] {2, 0x5A}, SerializedKeyOrder.bytes("Z"));
        assertArrayEquals(new byte[] {3, 0x61, 0x62}, SerializedKeyOrder.bytes("ab"));
        assertEquals(List.of("", "Z", "a", "b", "ab", "key1", "key2"), sorted("key2", "ab", "b", "", "key1", "Z", "a"));
    }

    @Test
    void longsSortByTheirBigEndianBytesComparedSigned() {
        assertEquals(List.of(Long.MIN_VALUE, -1L, 128L, 255L, 0L, 1L, 127L, 256L, 300L),
                sorted(300L, 256L, 127L, 1L, 0L, 255L, 128L, -1L, Long.MIN_VALUE));
    }

    @Test
    void longStringsWithALengthOf127OrMoreSortFirst() {
        String longOne = "x".repeat(127);
        assertEquals(List.of(longOne, "a"), sorted("a", longOne));
    }

    @SafeVarargs
    private static <T> List<T> sorted(T... keys) {
        List<T> l = new ArrayList<>(List.of(keys));
        l.sort(SerializedKeyOrder.INSTANCE);
        return l;
    }
}

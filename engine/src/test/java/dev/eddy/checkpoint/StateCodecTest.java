package dev.eddy.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.runtime.CompositeKey;
import dev.eddy.types.Row;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checkpoint value codec: every value a record, key or state can hold comes back equal, and nothing else goes in. */
class StateCodecTest {
    @Test
    void everyKindOfValueComesBackEqualAndInOrder() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("z", 1L);
        map.put(7L, List.of("x", 2.5));
        Object[] values = {null, true, false, 42L, 7, (byte) 0, -0.0, "grüße", Instant.ofEpochMilli(1234567),
                Row.of("a", 1L, null, List.of(1L, 2L)), new CompositeKey(new Object[] {"room", 3L}), List.of(), map};
        StateWriter out = new StateWriter().writeLong(Long.MIN_VALUE).writeInt(-3).writeBoolean(true);
        for (Object v : values) out.writeValue(v);
        out.writeBytes(new byte[] {1, 2, 3});
        StateReader in = new StateReader(out.toByteArray());
        assertEquals(Long.MIN_VALUE, in.readLong());
        assertEquals(-3, in.readInt());
        assertTrue(in.readBoolean());
        for (Object v : values) assertEquals(v, in.readValue());
        assertTrue(Arrays.equals(new byte[] {1, 2, 3}, in.readBytes()));
    }

    @Test
    void aValueOfAnotherTypeIsRefusedByName() {
        var e = assertThrows(IllegalStateException.class, () -> new StateWriter().writeValue(new StringBuilder("x")));
        assertEquals("a value of type StringBuilder cannot be written to a checkpoint", e.getMessage());
    }

    @Test
    void aTruncatedCheckpointSaysItIsDamaged() {
        byte[] whole = new StateWriter().writeValue("a long enough string").toByteArray();
        var e = assertThrows(IllegalStateException.class, () -> new StateReader(Arrays.copyOf(whole, 6)).readValue());
        assertTrue(e.getMessage().startsWith("the checkpoint is damaged"), e.getMessage());
    }
}

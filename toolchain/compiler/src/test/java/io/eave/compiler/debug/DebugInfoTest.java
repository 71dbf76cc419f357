package io.eave.compiler.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class DebugInfoTest {
    // main (lines 1-6) calls a block (lines 3-4) on line 3; line 5 is blank.
    static DebugInfo sample() {
        var main = new DebugInfo.MethodInfo("main", null, "main", 0, new int[] {1, 1}, new int[] {7, 10}, -1,
                List.of(new int[] {0, 2}, new int[] {4, 3}, new int[] {12, 6}),
                List.of(new DebugInfo.Local("total", 0, 3, 20, "int")));
        var block = new DebugInfo.MethodInfo("<block>", null, "block", 0, new int[] {3, 10}, new int[] {4, 20}, 0,
                List.of(new int[] {0, 4}), List.of(new DebugInfo.Local("it", 1, 0, 6, null)));
        return new DebugInfo(1, "00112233445566778899aabbccddeeff",
                List.of(new DebugInfo.SourceFile("/p/main.toit", "ab")), List.of(), List.of(), List.of("do"),
                List.of(main, block));
    }

    @Test
    void mapsOffsetsToLinesAndLiveLocals() {
        var main = sample().methods().get(0);
        assertEquals(2, main.lineAt(0));
        assertEquals(3, main.lineAt(11));
        assertEquals(6, main.lineAt(40));
        assertEquals(List.of(), main.liveAt(2));
        assertEquals("total", main.liveAt(3).get(0).name());
        assertEquals(List.of(), main.liveAt(20));
    }

    @Test
    void breakpointsResolveToTheInnermostMethodAndMoveToTheNextLineWithCode() {
        DebugInfo info = sample();
        assertEquals(new DebugInfo.Location(1, 0, 4), info.resolve(0, 4));
        assertEquals(new DebugInfo.Location(0, 12, 6), info.resolve(0, 5));
        assertEquals(new DebugInfo.Location(0, 0, 2), info.resolve(0, 1));
        assertNull(info.resolve(0, 8));
        assertNull(info.resolve(1, 2));
    }

    @Test
    void roundTripsThroughJsonAndRefusesForeignFiles() throws IOException {
        DebugInfo info = sample();
        DebugInfo back = DebugInfo.fromJson(info.toJson());
        assertEquals(info.toJson(), back.toJson());
        assertEquals(6, back.methods().get(0).lineAt(13));
        assertThrows(IOException.class, () -> DebugInfo.fromJson("{\"format\": 7}"));
        assertThrows(IOException.class, () -> DebugInfo.fromJson("not json"));
    }
}

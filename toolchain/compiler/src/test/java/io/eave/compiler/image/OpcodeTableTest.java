package io.eave.compiler.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The compiler's opcode and primitive tables must be the VM's: both are read from the C headers. */
class OpcodeTableTest {
    static final Path VM = Path.of(System.getProperty("eave.root", "../..")).resolve("firmware/vm");

    @Test
    void opcodesMatchTheVmList() throws IOException {
        Pattern op = Pattern.compile("OP\\((\\w+),\\s*(\\w+),\\s*(\\w+),\\s*(\\d+)\\)");
        List<String> c = new ArrayList<>();
        for (Matcher m = op.matcher(Files.readString(VM.resolve("opcodes.h"))); m.find(); ) {
            int pops = m.group(3).equals("VARIABLE") ? Opcode.VARIABLE : Integer.parseInt(m.group(3));
            c.add(m.group(1) + " " + m.group(2) + " " + pops + " " + m.group(4));
        }
        List<String> java = new ArrayList<>();
        for (Opcode o : Opcode.values()) {
            java.add(o.name() + " " + o.format + " " + o.pops + " " + o.pushes);
        }
        assertEquals(c, java);
    }

    @Test
    void primitivesMatchTheVmList() throws IOException {
        Pattern prim = Pattern.compile("PRIM\\((\\w+),\\s*(\\d+),\\s*(\\d+)\\)");
        List<String> c = new ArrayList<>();
        for (Matcher m = prim.matcher(Files.readString(VM.resolve("primitives.h"))); m.find(); ) {
            c.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        List<String> java = new ArrayList<>();
        for (Primitive p : Primitive.values()) {
            java.add(p.name() + " " + p.number + " " + p.arity);
        }
        assertEquals(c, java);
    }
}

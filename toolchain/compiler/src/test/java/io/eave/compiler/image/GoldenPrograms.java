package io.eave.compiler.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.eave.compiler.image.MethodAssembler.Label;

/**
 * Small programs assembled by hand, the source of the golden vectors in docs/vectors/image. They
 * use the core classes the VM needs (Object, Null_, True_, False_, SmallInteger_, String_,
 * Exception_) and nothing of the compiler, so the image format is pinned down on its own.
 */
final class GoldenPrograms {
    private GoldenPrograms() {}

    /** Name to (program, expected output). */
    static Map<String, Supplier<Golden>> all() {
        Map<String, Supplier<Golden>> all = new LinkedHashMap<>();
        all.put("hello", GoldenPrograms::hello);
        all.put("loop-sum", GoldenPrograms::loopSum);
        all.put("virtual-call", GoldenPrograms::virtualCall);
        all.put("uncaught", GoldenPrograms::uncaught);
        return all;
    }

    record Golden(ProgramImage image, String expect) {}

    static final int OBJECT = 0, NULL = 1, TRUE = 2, FALSE = 3, INT = 4, STRING = 5, EXCEPTION = 6;

    /** The constant pool and the seven core classes every vector starts with. */
    static final class Builder {
        final List<Constant> constants = new ArrayList<>();
        final List<ClassRecord> classes = new ArrayList<>();
        final List<MethodRecord> methods = new ArrayList<>();

        Builder() {
            String[] names = {"Object", "Null_", "True_", "False_", "SmallInteger_", "String_", "Exception_"};
            for (int i = 0; i < names.length; i++) {
                classes.add(new ClassRecord(i == 0 ? -1 : 0, 0, constant(new Constant.Str(names[i])),
                        i == EXCEPTION ? 2 : 0, new int[0], new TreeMap<>()));
            }
        }

        int constant(Constant c) {
            int at = constants.indexOf(c);
            if (at >= 0) {
                return at;
            }
            constants.add(c);
            return constants.size() - 1;
        }

        int method(MethodRecord m) {
            methods.add(m);
            return methods.size() - 1;
        }

        ProgramImage image(int entry, int selectors) {
            int[] wellKnown = new int[ImageFormat.WELL_KNOWN_COUNT];
            Arrays.fill(wellKnown, ProgramImage.NONE);
            wellKnown[WellKnown.OBJECT.ordinal()] = OBJECT;
            wellKnown[WellKnown.NULL.ordinal()] = NULL;
            wellKnown[WellKnown.TRUE.ordinal()] = TRUE;
            wellKnown[WellKnown.FALSE.ordinal()] = FALSE;
            wellKnown[WellKnown.INT.ordinal()] = INT;
            wellKnown[WellKnown.STRING.ordinal()] = STRING;
            wellKnown[WellKnown.EXCEPTION.ordinal()] = EXCEPTION;
            return new ProgramImage(constants, classes, methods, new int[0], selectors, entry, wellKnown);
        }
    }

    /** main: print "hello, world" */
    static Golden hello() {
        Builder b = new Builder();
        MethodAssembler main = new MethodAssembler();
        main.emit(Opcode.LOAD_CONST, b.constant(new Constant.Str("hello, world")));
        main.emitCall(Opcode.CALL_PRIMITIVE, Primitive.PRINT.number, 1, 1);
        main.emit(Opcode.POP);
        main.emit(Opcode.LOAD_NULL);
        main.emit(Opcode.RETURN);
        int entry = b.method(main.finish(0, 0, 0));
        return new Golden(b.image(entry, 0), "hello, world\nexit 0\n");
    }

    /** main: sum := 0; for i := 1; i <= 100000; i++: sum += i; print sum (with a boxed constant). */
    static Golden loopSum() {
        Builder b = new Builder();
        int plus = 0, lessEqual = 1;
        MethodAssembler m = new MethodAssembler();
        m.emit(Opcode.LOAD_SMI, 0);
        m.emit(Opcode.STORE_LOCAL, 0);
        m.emit(Opcode.POP);
        m.emit(Opcode.LOAD_SMI, 1);
        m.emit(Opcode.STORE_LOCAL, 1);
        m.emit(Opcode.POP);
        Label test = new Label();
        Label done = new Label();
        m.place(test);
        m.emit(Opcode.LOAD_LOCAL, 1);
        m.emit(Opcode.LOAD_CONST, b.constant(new Constant.Int(100000)));
        m.emit(Opcode.LE, lessEqual);
        m.jump(Opcode.JUMP_IF_FALSE, done);
        m.emit(Opcode.LOAD_LOCAL, 0);
        m.emit(Opcode.LOAD_LOCAL, 1);
        m.emit(Opcode.ADD, plus);
        m.emit(Opcode.STORE_LOCAL, 0);
        m.emit(Opcode.POP);
        m.emit(Opcode.LOAD_LOCAL, 1);
        m.emit(Opcode.LOAD_SMI, 1);
        m.emit(Opcode.ADD, plus);
        m.emit(Opcode.STORE_LOCAL, 1);
        m.emit(Opcode.POP);
        m.jump(Opcode.JUMP, test);
        m.place(done);
        // 5000050000 does not fit 31 bits: on a 32-bit VM the sum ends up boxed.
        m.emit(Opcode.LOAD_LOCAL, 0);
        m.emitCall(Opcode.CALL_PRIMITIVE, Primitive.STRINGIFY.number, 1, 1);
        m.emitCall(Opcode.CALL_PRIMITIVE, Primitive.PRINT.number, 1, 1);
        m.emit(Opcode.POP);
        m.emit(Opcode.LOAD_CONST, b.constant(new Constant.Int(Long.MAX_VALUE)));
        m.emit(Opcode.LOAD_SMI, 1);
        m.emit(Opcode.ADD, plus);
        m.emitCall(Opcode.CALL_PRIMITIVE, Primitive.STRINGIFY.number, 1, 1);
        m.emitCall(Opcode.CALL_PRIMITIVE, Primitive.PRINT.number, 1, 1);
        m.emit(Opcode.POP);
        m.emit(Opcode.LOAD_NULL);
        m.emit(Opcode.RETURN);
        int entry = b.method(m.finish(0, 0, 2));
        return new Golden(b.image(entry, 2), "5000050000\n-9223372036854775808\nexit 0\n");
    }

    /**
     * class Animal: speak: return "..."; class Dog extends Animal: speak: return "woof";
     * main: print Animal.speak; print Dog.speak; print (Dog is Animal); print (Animal is Dog)
     */
    static Golden virtualCall() {
        Builder b = new Builder();
        int speak = 0;
        MethodAssembler animalSpeak = new MethodAssembler();
        animalSpeak.emit(Opcode.LOAD_CONST, b.constant(new Constant.Str("...")));
        animalSpeak.emit(Opcode.RETURN);
        int animalMethod = b.method(animalSpeak.finish(MethodRecord.INSTANCE, 1, 0));
        MethodAssembler dogSpeak = new MethodAssembler();
        dogSpeak.emit(Opcode.LOAD_CONST, b.constant(new Constant.Str("woof")));
        dogSpeak.emit(Opcode.RETURN);
        int dogMethod = b.method(dogSpeak.finish(MethodRecord.INSTANCE, 1, 0));
        int animal = b.classes.size();
        b.classes.add(new ClassRecord(OBJECT, 0, b.constant(new Constant.Str("Animal")), 0, new int[0],
                new TreeMap<>(Map.of(speak, animalMethod))));
        int dog = b.classes.size();
        b.classes.add(new ClassRecord(animal, 0, b.constant(new Constant.Str("Dog")), 0, new int[0],
                new TreeMap<>(Map.of(speak, dogMethod))));
        MethodAssembler m = new MethodAssembler();
        for (int c : new int[] {animal, dog}) {
            m.emit(Opcode.ALLOCATE, c);
            m.emitCall(Opcode.CALL_VIRTUAL, speak, 1, 1);
            m.emitCall(Opcode.CALL_PRIMITIVE, Primitive.PRINT.number, 1, 1);
            m.emit(Opcode.POP);
        }
        for (int[] pair : new int[][] {{dog, animal}, {animal, dog}}) {
            m.emit(Opcode.ALLOCATE, pair[0]);
            m.emit(Opcode.IS, pair[1]);
            m.emitCall(Opcode.CALL_PRIMITIVE, Primitive.STRINGIFY.number, 1, 1);
            m.emitCall(Opcode.CALL_PRIMITIVE, Primitive.PRINT.number, 1, 1);
            m.emit(Opcode.POP);
        }
        m.emit(Opcode.LOAD_NULL);
        m.emit(Opcode.RETURN);
        int entry = b.method(m.finish(0, 0, 0));
        return new Golden(b.image(entry, 1), "...\nwoof\ntrue\nfalse\nexit 0\n");
    }

    /** main: print "before"; 1 / 0 (uncaught DIVISION_BY_ZERO); print "after" never runs. */
    static Golden uncaught() {
        Builder b = new Builder();
        MethodAssembler m = new MethodAssembler();
        m.emit(Opcode.LOAD_CONST, b.constant(new Constant.Str("before")));
        m.emitCall(Opcode.CALL_PRIMITIVE, Primitive.PRINT.number, 1, 1);
        m.emit(Opcode.POP);
        m.emit(Opcode.LOAD_SMI, 1);
        m.emit(Opcode.LOAD_SMI, 0);
        m.emit(Opcode.DIV, 0);
        m.emit(Opcode.POP);
        m.emit(Opcode.LOAD_CONST, b.constant(new Constant.Str("after")));
        m.emitCall(Opcode.CALL_PRIMITIVE, Primitive.PRINT.number, 1, 1);
        m.emit(Opcode.RETURN);
        int entry = b.method(m.finish(0, 0, 0));
        return new Golden(b.image(entry, 1), "before\nuncaught DIVISION_BY_ZERO\n");
    }
}

package io.eave.compiler.image;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Decodes the bytes of docs/program-image.md back into a {@link ProgramImage}, checking the
 * structure (the VM's verifier also checks the bytecode). Used by the disassembler and by tests
 * that read the golden vectors.
 */
public final class ImageReader {
    private final byte[] bytes;
    private int at;
    private String where = "header";

    private ImageReader(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ProgramImage read(byte[] bytes) throws ImageFormatException {
        return new ImageReader(bytes).image();
    }

    /** The 16-byte image id of an encoded image, as lower-case hex. */
    public static String id(byte[] image) {
        StringBuilder hex = new StringBuilder();
        for (int i = 16; i < 16 + ImageFormat.ID_SIZE; i++) {
            hex.append(String.format("%02x", image[i] & 0xFF));
        }
        return hex.toString();
    }

    private ProgramImage image() throws ImageFormatException {
        if (bytes.length < ImageFormat.HEADER_SIZE) {
            throw error("the image has " + bytes.length + " bytes, less than its " + ImageFormat.HEADER_SIZE + "-byte header");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), ImageFormat.MAGIC)) {
            throw error("not an Eave program image (the magic bytes are not \"EAVE\")");
        }
        at = 4;
        int version = u16();
        if (version != ImageFormat.VERSION) {
            throw error("format version " + version + ", this tool reads version " + ImageFormat.VERSION);
        }
        if (u16() != 0) {
            throw error("flags must be 0 in format version 1");
        }
        long size = u32();
        if (size != bytes.length) {
            throw error("the header says " + size + " bytes, the image has " + bytes.length + " (truncated or padded)");
        }
        long crc = u32();
        CRC32 actual = new CRC32();
        actual.update(bytes, ImageFormat.BODY_START, bytes.length - ImageFormat.BODY_START);
        if (crc != actual.getValue()) {
            throw error(String.format("CRC-32 mismatch: header %08x, content %08x (the image is corrupt)", crc, actual.getValue()));
        }
        at = 32;
        int constantCount = count("constant");
        int classCount = count("class");
        int methodCount = count("method");
        int globalCount = count("global");
        int selectorCount = count("selector");
        int entry = (int) u32();
        int[] wellKnown = new int[ImageFormat.WELL_KNOWN_COUNT];
        for (int i = 0; i < wellKnown.length; i++) {
            wellKnown[i] = index(u32(), classCount, "well-known class " + WellKnown.values()[i].className);
        }
        int[] constantOffsets = offsets(constantCount);
        int[] classOffsets = offsets(classCount);
        int[] methodOffsets = offsets(methodCount);
        int[] globals = new int[globalCount];
        for (int i = 0; i < globalCount; i++) {
            globals[i] = index(u32(), methodCount, "initialiser of global " + i);
        }
        int tablesEnd = at;
        List<Constant> constants = new ArrayList<>();
        for (int i = 0; i < constantCount; i++) {
            seek(constantOffsets[i], tablesEnd, "constant " + i);
            constants.add(constant());
        }
        List<ClassRecord> classes = new ArrayList<>();
        for (int i = 0; i < classCount; i++) {
            seek(classOffsets[i], tablesEnd, "class " + i);
            classes.add(classRecord(classCount, methodCount, selectorCount, constantCount));
        }
        List<MethodRecord> methods = new ArrayList<>();
        for (int i = 0; i < methodCount; i++) {
            seek(methodOffsets[i], tablesEnd, "method " + i);
            methods.add(method());
        }
        where = "header";
        if (entry < 0 || entry >= methodCount) {
            throw error("entry method " + entry + " is not one of the " + methodCount + " methods");
        }
        return new ProgramImage(constants, classes, methods, globals, selectorCount, entry, wellKnown);
    }

    private Constant constant() throws ImageFormatException {
        int tag = u8();
        return switch (tag) {
            case Constant.TAG_INT -> new Constant.Int(svarint());
            case Constant.TAG_FLOAT -> new Constant.Float(Double.longBitsToDouble(u32() | (u32() << 32)));
            case Constant.TAG_STRING -> {
                byte[] utf8 = take(varint());
                try {
                    yield new Constant.Str(StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(utf8)).toString());
                } catch (CharacterCodingException e) {
                    throw error("the string is not valid UTF-8");
                }
            }
            case Constant.TAG_BYTES -> new Constant.Bytes(take(varint()));
            default -> throw error("unknown constant tag " + tag);
        };
    }

    private ClassRecord classRecord(int classCount, int methodCount, int selectorCount, int constantCount)
            throws ImageFormatException {
        int superclass = index(varint() - 1L, classCount, "superclass");
        int flags = (int) varint();
        int name = index(varint() - 1L, constantCount, "name");
        int fields = (int) varint();
        int[] supertypes = new int[(int) bounded(varint(), classCount, "supertype count")];
        for (int i = 0; i < supertypes.length; i++) {
            supertypes[i] = index(varint(), classCount, "supertype");
        }
        long entries = bounded(varint(), selectorCount, "dispatch entry count");
        SortedMap<Integer, Integer> dispatch = new TreeMap<>();
        int previous = -1;
        for (long i = 0; i < entries; i++) {
            int selector = index(varint(), selectorCount, "selector");
            if (selector <= previous) {
                throw error("dispatch selectors are not strictly ascending (" + selector + " after " + previous + ")");
            }
            previous = selector;
            dispatch.put(selector, index(varint(), methodCount, "dispatch target"));
        }
        return new ClassRecord(superclass, flags, name, fields, supertypes, dispatch);
    }

    private MethodRecord method() throws ImageFormatException {
        int flags = (int) varint();
        int arity = (int) varint();
        int locals = (int) varint();
        int maxStack = (int) varint();
        long handlerCount = bounded(varint(), bytes.length, "handler count");
        List<MethodRecord.Handler> handlers = new ArrayList<>();
        for (long i = 0; i < handlerCount; i++) {
            handlers.add(new MethodRecord.Handler((int) varint(), (int) varint(), (int) varint(), (int) varint(), (int) varint()));
        }
        byte[] code = take(varint());
        return new MethodRecord(flags, arity, locals, maxStack, handlers, code);
    }

    private int count(String what) throws ImageFormatException {
        long n = u32();
        // Every entry takes at least 4 bytes of table, so a larger count cannot be honest.
        return (int) bounded(n, bytes.length / 4, what + " count");
    }

    private int[] offsets(int count) throws ImageFormatException {
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            long offset = u32();
            if (offset >= bytes.length || offset % 4 != 0) {
                throw error("offset " + offset + " of entry " + i + " is outside the image or not 4-byte aligned");
            }
            result[i] = (int) offset;
        }
        return result;
    }

    private void seek(int offset, int tablesEnd, String record) throws ImageFormatException {
        where = record + " at offset " + offset;
        if (offset < tablesEnd) {
            throw error("the record overlaps the header tables");
        }
        at = offset;
    }

    private long bounded(long value, long limit, String what) throws ImageFormatException {
        if (value > limit) {
            throw error(what + " " + value + " exceeds " + limit);
        }
        return value;
    }

    private int index(long value, int count, String what) throws ImageFormatException {
        if (value == -1 || value == 0xFFFFFFFFL) {
            return ProgramImage.NONE;
        }
        if (value < 0 || value >= count) {
            throw error(what + " index " + value + " is out of range (" + count + " entries)");
        }
        return (int) value;
    }

    private byte[] take(long length) throws ImageFormatException {
        if (length > bytes.length - at) {
            throw error("a length of " + length + " runs past the end of the image");
        }
        byte[] result = Arrays.copyOfRange(bytes, at, at + (int) length);
        at += (int) length;
        return result;
    }

    private int u8() throws ImageFormatException {
        if (at >= bytes.length) {
            throw error("unexpected end of the image");
        }
        return bytes[at++] & 0xFF;
    }

    private int u16() throws ImageFormatException {
        return u8() | (u8() << 8);
    }

    private long u32() throws ImageFormatException {
        return (u16() | ((long) u16() << 16)) & 0xFFFFFFFFL;
    }

    private long varint() throws ImageFormatException {
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value > 0xFFFFFFFFL) {
                    throw error("varint exceeds 32 bits");
                }
                return value;
            }
        }
        throw error("varint longer than 5 bytes");
    }

    private long svarint() throws ImageFormatException {
        long zigzag = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = u8();
            zigzag |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (zigzag >>> 1) ^ -(zigzag & 1);
            }
        }
        throw error("signed varint longer than 10 bytes");
    }

    private ImageFormatException error(String message) {
        return new ImageFormatException("invalid program image (" + where + "): " + message);
    }
}

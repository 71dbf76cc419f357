package io.eave.compiler.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

/** Encodes a {@link ProgramImage} into the bytes of docs/program-image.md. */
public final class ImageWriter {
    private ImageWriter() {}

    public static byte[] write(ProgramImage image) {
        ByteSink out = new ByteSink();
        out.bytes(ImageFormat.MAGIC);
        out.u8(ImageFormat.VERSION);
        out.u8(0);
        out.u8(0);
        out.u8(0);
        out.u32(0);                       // size, patched below
        out.u32(0);                       // CRC, patched below
        out.bytes(new byte[ImageFormat.ID_SIZE]);
        out.u32(image.constants().size());
        out.u32(image.classes().size());
        out.u32(image.methods().size());
        out.u32(image.globals().length);
        out.u32(image.selectorCount());
        out.u32(image.entry());
        if (image.wellKnown().length != ImageFormat.WELL_KNOWN_COUNT) {
            throw new IllegalArgumentException("expected " + ImageFormat.WELL_KNOWN_COUNT + " well-known classes");
        }
        for (int index : image.wellKnown()) {
            out.u32(index < 0 ? ImageFormat.ABSENT : index);
        }
        int constantTable = out.size();
        int classTable = constantTable + 4 * image.constants().size();
        int methodTable = classTable + 4 * image.classes().size();
        for (int i = 0; i < image.constants().size() + image.classes().size() + image.methods().size(); i++) {
            out.u32(0);                   // offsets, patched as the records are written
        }
        for (int global : image.globals()) {
            out.u32(global < 0 ? ImageFormat.ABSENT : global);
        }
        for (int i = 0; i < image.constants().size(); i++) {
            out.align4();
            out.putU32(constantTable + 4 * i, out.size());
            writeConstant(out, image.constants().get(i));
        }
        for (int i = 0; i < image.classes().size(); i++) {
            out.align4();
            out.putU32(classTable + 4 * i, out.size());
            writeClass(out, image.classes().get(i));
        }
        for (int i = 0; i < image.methods().size(); i++) {
            out.align4();
            out.putU32(methodTable + 4 * i, out.size());
            writeMethod(out, image.methods().get(i));
        }
        out.align4();
        out.putU32(8, out.size());
        byte[] bytes = out.toArray();
        CRC32 crc = new CRC32();
        crc.update(bytes, ImageFormat.BODY_START, bytes.length - ImageFormat.BODY_START);
        byte[] id = Arrays.copyOf(sha256(bytes, ImageFormat.BODY_START), ImageFormat.ID_SIZE);
        ByteSink patch = new ByteSink();
        patch.u32(crc.getValue());
        System.arraycopy(patch.toArray(), 0, bytes, 12, 4);
        System.arraycopy(id, 0, bytes, 16, ImageFormat.ID_SIZE);
        return bytes;
    }

    static byte[] sha256(byte[] bytes, int from) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, from, bytes.length - from);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void writeConstant(ByteSink out, Constant constant) {
        switch (constant) {
            case Constant.Int i -> {
                out.u8(Constant.TAG_INT);
                out.svarint(i.value());
            }
            case Constant.Float f -> {
                out.u8(Constant.TAG_FLOAT);
                out.u64(Double.doubleToRawLongBits(f.value()));
            }
            case Constant.Str s -> {
                byte[] utf8 = s.value().getBytes(StandardCharsets.UTF_8);
                out.u8(Constant.TAG_STRING);
                out.varint(utf8.length);
                out.bytes(utf8);
            }
            case Constant.Bytes b -> {
                out.u8(Constant.TAG_BYTES);
                out.varint(b.value().length);
                out.bytes(b.value());
            }
        }
    }

    private static void writeClass(ByteSink out, ClassRecord c) {
        out.varint(c.superclass() + 1L);
        out.varint(c.flags());
        out.varint(c.name() + 1L);
        out.varint(c.fieldCount());
        out.varint(c.supertypes().length);
        for (int supertype : c.supertypes()) {
            out.varint(supertype);
        }
        out.varint(c.dispatch().size());
        for (Map.Entry<Integer, Integer> entry : c.dispatch().entrySet()) {
            out.varint(entry.getKey());
            out.varint(entry.getValue());
        }
    }

    private static void writeMethod(ByteSink out, MethodRecord m) {
        out.varint(m.flags());
        out.varint(m.arity());
        out.varint(m.locals());
        out.varint(m.maxStack());
        out.varint(m.handlers().size());
        for (MethodRecord.Handler h : m.handlers()) {
            out.varint(h.kind());
            out.varint(h.start());
            out.varint(h.end());
            out.varint(h.handler());
            out.varint(h.depth());
        }
        out.varint(m.code().length);
        out.bytes(m.code());
    }
}

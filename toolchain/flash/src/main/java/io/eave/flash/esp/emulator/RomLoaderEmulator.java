package io.eave.flash.esp.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.eave.flash.esp.Command;
import io.eave.flash.esp.EspChip;
import io.eave.flash.esp.LoaderErrors;
import io.eave.flash.esp.Packets;
import io.eave.flash.esp.Slip;
import io.eave.flash.port.FlashPort;
import io.eave.flash.port.PipePort;

/**
 * An emulation of an ESP32-family chip's ROM serial loader, written by us from Espressif's
 * published protocol description: SLIP packets, SYNC, READ_REG (chip magic), GET_SECURITY_INFO,
 * SPI_ATTACH, SPI_SET_PARAMS, CHANGE_BAUDRATE, FLASH_BEGIN/DATA/END, FLASH_DEFL_BEGIN/DATA/END
 * (inflating into an in-memory NOR flash: erase sets 0xFF, writes can only clear bits) and
 * SPI_FLASH_MD5 (32 hex characters, as the ROM answers). It models the reset wiring too: the
 * classic two-transistor auto-reset circuit, or the USB-Serial-JTAG's own DTR/RTS logic, so a
 * wrong reset sequence boots the "firmware" and prints "boot:0x13 (SPI_FAST_FLASH_BOOT)".
 * {@link Faults} make it fail in the ways real boards do.
 *
 * <p>It serves one line at a time on its own thread: in memory ({@link #connect}) or on any
 * {@link FlashPort}, e.g. one end of a pty pair ({@link #serve}), where no modem lines exist and
 * the chip starts in the loader as if BOOT were held.
 */
public final class RomLoaderEmulator implements AutoCloseable {

    /** How the host's DTR/RTS reach the chip's EN and IO0. */
    public enum Wiring { CLASSIC_AUTO_RESET, USB_SERIAL_JTAG }

    private enum State { RESET, LOADER, FIRMWARE }

    private static final int ROM_BAUD = 115_200;
    private static final long SECTOR = 0x1000;
    /** Time from EN released to the ROM sampling IO0 (the EN capacitor's rise and the ROM's start). */
    private static final long STRAP_SAMPLE_NANOS = 5_000_000;

    private final EspChip chip;
    private final Wiring wiring;
    private final byte[] flash;
    private volatile Faults faults = Faults.NONE;
    private final Object lines = new Object();
    private boolean dtr;
    private boolean rts;
    private boolean downloadLatched;
    private volatile State state;
    private volatile long bootAtNanos = -1;
    private volatile int hostBaud = -1;
    private volatile boolean paced;
    private final AtomicInteger boots = new AtomicInteger();
    private final AtomicInteger dataPackets = new AtomicInteger();
    private final AtomicInteger syncs = new AtomicInteger();

    private volatile FlashPort port;
    private Thread thread;
    private int deviceBaud = ROM_BAUD;
    private final Slip.Decoder decoder = new Slip.Decoder();

    // the write session
    private Command session;
    private long sessionOffset;
    private long sessionEnd;
    private int sessionBlocks;
    private int sessionBlockSize;
    private int nextSeq;
    private long writePosition;
    private Inflater inflater;
    private int garbled;

    public RomLoaderEmulator(EspChip chip, long flashSize, Wiring wiring) {
        this.chip = chip;
        this.wiring = wiring;
        this.flash = new byte[Math.toIntExact(flashSize)];
        Arrays.fill(flash, (byte) 0xFF);
        this.state = State.FIRMWARE;
    }

    public RomLoaderEmulator(EspChip chip) {
        this(chip, 4L << 20, Wiring.CLASSIC_AUTO_RESET);
    }

    public void faults(Faults f) {
        this.faults = f;
    }

    /** Paces both directions of in-memory lines to the current baud rates (10 bits a byte), for realistic timings. */
    public void pacedToBaud(boolean on) {
        paced = on;
    }

    /** Puts the chip in the loader now, as if it had been reset with BOOT held. */
    public void startInLoader() {
        state = State.LOADER;
    }

    /**
     * A new in-memory line to the chip; returns the host's end (give it to {@code EspRomFlasher}).
     * Closing it ends the serving thread.
     */
    public synchronized PipePort connect(String name) {
        PipePort[] ends = PipePort.pair(name, "emulated " + chip);
        PipePort host = ends[0];
        PipePort device = ends[1];
        host.usbSerialJtag(wiring == Wiring.USB_SERIAL_JTAG);
        host.pacedToBaud(paced);
        device.pacedToBaud(paced);
        hostBaud = host.baudRate();
        host.onLines(this::lineChanged);
        serve(device);
        return host;
    }

    /** Serves the loader on {@code devicePort} (e.g. the far end of a pty pair) until it closes. */
    public synchronized void serve(FlashPort devicePort) {
        stopServing();
        this.port = devicePort;
        decoder.reset();
        thread = new Thread(this::loop, "esp-rom-emulator " + devicePort.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void stopServing() {
        if (port != null) {
            port.close();
        }
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        stopServing();
    }

    /** A copy of {@code length} flash bytes at {@code offset}. */
    public byte[] read(long offset, int length) {
        synchronized (flash) {
            return Arrays.copyOfRange(flash, (int) offset, (int) offset + length);
        }
    }

    /** True while the chip runs its ROM loader. */
    public boolean inLoader() {
        return state == State.LOADER;
    }

    /** How often the chip came out of reset (into the loader or the firmware). */
    public int boots() {
        return boots.get();
    }

    /** Waits until the chip has come out of reset {@code n} times in all; false after {@code timeoutMillis}. */
    public boolean awaitBoots(int n, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (boots.get() < n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** The baud rate the chip's UART runs at now. */
    public int baud() {
        return deviceBaud;
    }

    /** FLASH_DATA and FLASH_DEFL_DATA packets received so far. */
    public int dataPackets() {
        return dataPackets.get();
    }

    // ---- the reset wiring ----

    private void lineChanged(String line, int value) {
        synchronized (lines) {
            switch (line) {
                case "BAUD" -> {
                    hostBaud = value;
                    return;
                }
                case "DTR" -> dtr = value != 0;
                case "RTS" -> rts = value != 0;
                default -> {
                    return;
                }
            }
            boolean inReset = state == State.RESET;
            if (wiring == Wiring.CLASSIC_AUTO_RESET) {
                boolean enLow = rts && !dtr;
                if (enLow && !inReset) {
                    state = State.RESET;
                    bootAtNanos = -1;
                } else if (!enLow && inReset && bootAtNanos < 0) {
                    bootAtNanos = System.nanoTime() + STRAP_SAMPLE_NANOS;   // IO0 is sampled a little later
                }
            } else {
                boolean resetState = rts && !dtr;
                if (resetState && !inReset) {
                    downloadLatched = line.equals("DTR") && !dtr;   // reached from DTR+RTS: a download request
                    state = State.RESET;
                    bootAtNanos = -1;
                } else if (!resetState && inReset) {
                    bootAtNanos = System.nanoTime();
                }
            }
        }
    }

    private boolean io0Low() {
        synchronized (lines) {
            if (wiring == Wiring.CLASSIC_AUTO_RESET) {
                return dtr && !rts;
            }
            return downloadLatched;
        }
    }

    /** Runs on the serving thread when a pending boot is due (or when the line closes with one pending: the chip boots anyway). */
    private void boot() throws IOException {
        bootAtNanos = -1;
        boolean loader = io0Low() && !faults.firmwareOnly();
        boots.incrementAndGet();
        deviceBaud = ROM_BAUD;
        session = null;
        decoder.reset();
        state = loader || faults.silent() ? State.LOADER : State.FIRMWARE;
        if (faults.silent() || port == null) {
            return;
        }
        setDeviceBaud(ROM_BAUD);
        String log = "ets Jul 29 2019 12:21:46\r\n\r\nrst:0x1 (POWERON_RESET),"
                + (loader ? "boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\nwaiting for download\r\n"
                        : "boot:0x13 (SPI_FAST_FLASH_BOOT)\r\nconfigsip: 0, SPIWP:0xee\r\nmode:DIO, clock div:2\r\n");
        port.write(log.getBytes(StandardCharsets.US_ASCII));
    }

    // ---- the loader ----

    private void loop() {
        FlashPort p = port;
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                long due = bootAtNanos;
                if (due >= 0 && System.nanoTime() >= due) {
                    boot();
                }
                int n = p.read(buffer, 0, buffer.length, due >= 0 ? 1 : 5);
                if (state != State.LOADER || (hostBaud > 0 && hostBaud != deviceBaud)) {
                    continue;   // in reset, in the firmware, or at the wrong baud rate: the bytes are lost
                }
                for (int i = 0; i < n; i++) {
                    byte[] raw = decoder.feed(buffer[i]);
                    if (raw != null) {
                        handle(raw);
                    }
                }
            }
        } catch (IOException e) {
            // the line is gone (closed, or the device end failed): stop serving
        }
        if (bootAtNanos >= 0) {
            try {
                boot();   // released from reset just before the line closed
            } catch (IOException e) {
                // nobody listens any more
            }
        }
    }

    private void handle(byte[] raw) throws IOException {
        Packets.Packet p = Packets.Packet.parse(raw);
        if (p == null || p.direction() != Packets.REQUEST || faults.silent()) {
            return;
        }
        Command c = Command.of(p.command());
        if (c == null) {
            fail(p.command(), LoaderErrors.INVALID_MESSAGE);
            return;
        }
        switch (c) {
            case SYNC -> sync(p);
            case READ_REG -> ok(c, p.data().length == 4 && p.word(0) == EspChip.CHIP_MAGIC_REGISTER ? (int) chip.magic() : 0, new byte[0]);
            case WRITE_REG, SPI_SET_PARAMS -> ok(c, 0, new byte[0]);
            case SPI_ATTACH -> {
                if (p.data().length != 8) {
                    fail(c.code, LoaderErrors.INVALID_MESSAGE);   // the ROM's SPI_ATTACH takes two words
                } else {
                    ok(c, 0, new byte[0]);
                }
            }
            case GET_SECURITY_INFO -> securityInfo();
            case CHANGE_BAUDRATE -> changeBaud(p);
            case FLASH_BEGIN, FLASH_DEFL_BEGIN -> begin(c, p);
            case FLASH_DATA, FLASH_DEFL_DATA -> data(c, p);
            case FLASH_END, FLASH_DEFL_END -> end(c, p);
            case SPI_FLASH_MD5 -> md5(p);
            default -> fail(c.code, LoaderErrors.INVALID_MESSAGE);   // MEM_* (the stub loader) is not emulated
        }
    }

    private void sync(Packets.Packet p) throws IOException {
        byte[] d = p.data();
        if (d.length != 36 || d[0] != 7 || d[1] != 7 || d[2] != 0x12 || d[3] != 0x20) {
            fail(Command.SYNC.code, LoaderErrors.INVALID_MESSAGE);
            return;
        }
        syncs.incrementAndGet();
        for (int i = 0; i < 8; i++) {   // the ROM answers a SYNC eight times
            ok(Command.SYNC, 0, new byte[0]);
        }
    }

    private void securityInfo() throws IOException {
        if (chip.chipId < 0) {
            fail(Command.GET_SECURITY_INFO.code, LoaderErrors.INVALID_MESSAGE);   // the ESP32 and ESP32-S2 ROMs do not know it
            return;
        }
        byte[] info = Packets.words(0, 0, 0, chip.chipId, 0);   // flags, crypt count + 7 key purposes, chip id, API version
        ok(Command.GET_SECURITY_INFO, 0, info);
    }

    private void changeBaud(Packets.Packet p) throws IOException {
        if (p.data().length != 8) {
            fail(Command.CHANGE_BAUDRATE.code, LoaderErrors.INVALID_MESSAGE);
            return;
        }
        int baud = (int) p.word(0);
        ok(Command.CHANGE_BAUDRATE, 0, new byte[0]);   // answered at the old rate
        deviceBaud = baud;
        setDeviceBaud(baud);
    }

    private void setDeviceBaud(int baud) throws IOException {
        if (port instanceof PipePort) {
            port.setBaudRate(baud);
        }
    }

    private void begin(Command c, Packets.Packet p) throws IOException {
        if (p.data().length != 4 * chip.flashBeginWords) {
            fail(c.code, LoaderErrors.INVALID_MESSAGE);   // the ESP32 ROM takes 4 words, the newer ROMs 5
            return;
        }
        long size = p.word(0);
        int blocks = (int) p.word(1);
        int blockSize = (int) p.word(2);
        long offset = p.word(3);
        if (offset + size > flash.length || blockSize == 0 || blockSize > 0x4000) {
            fail(c.code, LoaderErrors.FAILED_TO_ACT);
            return;
        }
        synchronized (flash) {   // erase whole sectors
            long from = offset / SECTOR * SECTOR;
            long to = Math.min(flash.length, (offset + size + SECTOR - 1) / SECTOR * SECTOR);
            Arrays.fill(flash, (int) from, (int) to, (byte) 0xFF);
        }
        session = c == Command.FLASH_BEGIN ? Command.FLASH_DATA : Command.FLASH_DEFL_DATA;
        sessionOffset = offset;
        sessionEnd = offset + size;
        sessionBlocks = blocks;
        sessionBlockSize = blockSize;
        nextSeq = 0;
        writePosition = offset;
        if (inflater != null) {
            inflater.end();
        }
        inflater = c == Command.FLASH_DEFL_BEGIN ? new Inflater() : null;
        ok(c, 0, new byte[0]);
    }

    private void data(Command c, Packets.Packet p) throws IOException {
        int packet = dataPackets.getAndIncrement();
        Faults f = faults;
        if (packet == f.closeAtPacket()) {
            port.close();
            return;
        }
        if (f.silentFromPacket() >= 0 && packet >= f.silentFromPacket()) {
            return;
        }
        byte[] d = p.data();
        if (f.garbleFromPacket() >= 0 && packet >= f.garbleFromPacket() && garbled < f.garbleCount() && d.length > 16) {
            garbled++;
            d[16 + (d.length - 16) / 2] ^= 0x20;   // a flipped bit on the line
        }
        if (session != c || d.length < 16) {
            fail(c.code, LoaderErrors.FAILED_TO_ACT);   // no FLASH_BEGIN of that kind before
            return;
        }
        int size = (int) p.word(0);
        int seq = (int) p.word(1);
        if (size != d.length - 16 || seq != nextSeq || seq >= sessionBlocks) {
            fail(c.code, LoaderErrors.INVALID_MESSAGE);
            return;
        }
        if (Packets.checksum(d, 16, size) != (p.value() & 0xFF)) {
            fail(c.code, LoaderErrors.BAD_CRC);
            return;
        }
        if (packet == f.writeErrorAtPacket()) {
            fail(c.code, LoaderErrors.FLASH_WRITE_ERROR);
            return;
        }
        if (c == Command.FLASH_DATA) {
            program(sessionOffset + (long) seq * sessionBlockSize, d, 16, size);
        } else {
            inflater.setInput(d, 16, size);
            byte[] out = new byte[64 * 1024];
            try {
                while (true) {
                    int n = inflater.inflate(out);
                    if (n == 0) {
                        break;
                    }
                    if (writePosition + n > sessionEnd) {
                        fail(c.code, LoaderErrors.DEFLATE_ERROR);   // more data than FLASH_DEFL_BEGIN announced
                        return;
                    }
                    program(writePosition, out, 0, n);
                    writePosition += n;
                }
            } catch (DataFormatException e) {
                fail(c.code, LoaderErrors.DEFLATE_ERROR);
                return;
            }
        }
        nextSeq++;
        ok(c, 0, new byte[0]);
    }

    /** NOR flash programming: a write can only clear bits. */
    private void program(long at, byte[] src, int from, int length) {
        synchronized (flash) {
            int n = (int) Math.min(length, flash.length - at);
            for (int i = 0; i < n; i++) {
                flash[(int) at + i] &= src[from + i];
            }
        }
    }

    private void end(Command c, Packets.Packet p) throws IOException {
        ok(c, 0, new byte[0]);
        session = null;
        if (p.data().length == 4) {   // 0 reboots, 1 runs the user code: either way the loader is left
            bootAtNanos = -1;
            state = State.FIRMWARE;
        }
    }

    private void md5(Packets.Packet p) throws IOException {
        if (p.data().length != 16) {
            fail(Command.SPI_FLASH_MD5.code, LoaderErrors.INVALID_MESSAGE);
            return;
        }
        long address = p.word(0);
        long size = p.word(1);
        if (address + size > flash.length) {
            fail(Command.SPI_FLASH_MD5.code, LoaderErrors.FLASH_READ_LENGTH_ERROR);
            return;
        }
        byte[] region;
        synchronized (flash) {
            if (faults.corruptFlash() && size > 0) {
                flash[(int) (address + size / 2)] ^= 0x01;   // a bit the flash did not keep
            }
            region = Arrays.copyOfRange(flash, (int) address, (int) (address + size));
        }
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(region));
            ok(Command.SPI_FLASH_MD5, 0, hex.getBytes(StandardCharsets.US_ASCII));   // the ROM answers in ASCII hex
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ok(Command c, int value, byte[] payload) throws IOException {
        answer(c.code, value, payload, 0, 0);
    }

    private void fail(int code, int error) throws IOException {
        answer(code, 0, new byte[0], 1, error);
    }

    private void answer(int code, int value, byte[] payload, int status, int error) throws IOException {
        byte[] data = Arrays.copyOf(payload, payload.length + 4);   // the ESP32 ROMs send 4 status bytes
        data[payload.length] = (byte) status;
        data[payload.length + 1] = (byte) error;
        port.write(Slip.encode(Packets.response(code, value, data)));
    }
}

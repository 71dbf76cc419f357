package io.eave.flash.esp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.Deflater;

import io.eave.flash.CancelSignal;
import io.eave.flash.FlashException;
import io.eave.flash.FlashException.Kind;
import io.eave.flash.FlashListener;
import io.eave.flash.FlashPhase;
import io.eave.flash.FlashRequest;
import io.eave.flash.FlashResult;
import io.eave.flash.Flasher;
import io.eave.flash.port.FlashPort;
import io.eave.flash.port.PortHandover;
import io.eave.flash.port.PortUnavailableException;
import io.eave.flash.port.SerialFlashPort;

/**
 * Flashes ESP32-family chips through their ROM serial loader (no stub): reset into the loader,
 * SYNC, identify the chip, SPI_ATTACH and SPI_SET_PARAMS, CHANGE_BAUDRATE, write the image
 * (deflated or plain blocks), verify it with SPI_FLASH_MD5, write and verify the device
 * configuration in the flash's last sector, then hard-reset into the new firmware.
 * The protocol subset and the reasons for each step are in {@code docs/flashing.md}.
 */
public final class EspRomFlasher implements Flasher {

    /** Opens the port at the given baud rate; lets tests and the IDE supply other ports than a device path. */
    @FunctionalInterface
    public interface PortOpener {
        FlashPort open(int baud) throws IOException;
    }

    private static final long MIB = 1L << 20;

    private final String portName;
    private final PortOpener opener;
    private final EspSettings settings;
    private final PortHandover handover;

    public EspRomFlasher(String portName, PortOpener opener, EspSettings settings) {
        this(portName, opener, settings, PortHandover.NONE);
    }

    private EspRomFlasher(String portName, PortOpener opener, EspSettings settings, PortHandover handover) {
        this.portName = portName;
        this.opener = opener;
        this.settings = settings;
        this.handover = handover;
    }

    /** The same flasher, asking {@code h} to release the port before the flash and giving it back after. */
    public EspRomFlasher withHandover(PortHandover h) {
        return new EspRomFlasher(portName, opener, settings, h);
    }

    /** A flasher for the serial port at {@code path} (e.g. /dev/ttyUSB0, /dev/ttyACM0, or a pty). */
    public static EspRomFlasher onSerialPort(String path, EspSettings settings) {
        return new EspRomFlasher(path, baud -> SerialFlashPort.open(path, baud), settings);
    }

    public EspSettings settings() {
        return settings;
    }

    @Override
    public String target() {
        return "ESP ROM loader on " + portName;
    }

    @Override
    public FlashResult flash(FlashRequest request, FlashListener listener, CancelSignal cancel) throws FlashException {
        check(request);
        long start = System.nanoTime();
        listener.progress(FlashPhase.CONNECTING, 0, request.totalBytes(), "opening " + portName);
        PortHandover.Lease lease;
        try {
            lease = handover.release(portName);
        } catch (IOException e) {
            throw new FlashException(Kind.PORT_UNAVAILABLE, "the program holding " + portName + " did not release it: " + e.getMessage()
                    + "; close it and flash again", e);
        }
        try (lease) {
            FlashPort port;
            try {
                port = opener.open(EspSettings.ROM_BAUD);
            } catch (PortUnavailableException e) {
                throw new FlashException(Kind.PORT_UNAVAILABLE, e.getMessage(), e);
            } catch (IOException e) {
                throw new FlashException(Kind.PORT_UNAVAILABLE, "cannot open " + portName + ": " + e.getMessage(), e);
            }
            try (port) {
                Session session = new Session(port, request, listener, cancel);
                String verification = session.run();
                return new FlashResult(session.chip + " on " + portName, request.totalBytes(), session.loader.bytesSent(),
                        Duration.ofNanos(System.nanoTime() - start), verification, Optional.empty());
            }
        }
    }

    private void check(FlashRequest request) throws FlashException {
        long offset = request.offset();
        long size = request.image().size();
        if (offset % EspSettings.SECTOR != 0) {
            throw new FlashException(Kind.BAD_REQUEST, String.format(
                    "the flash offset 0x%X is not a multiple of the 4 KiB sector (0x1000)", offset));
        }
        if (offset + size > settings.flashSize()) {
            throw new FlashException(Kind.BAD_REQUEST, String.format(
                    "the image %s (%,d bytes) at 0x%X does not fit in the %s flash", request.image().name(), size, offset,
                    sizeText(settings.flashSize())));
        }
        long config = settings.deviceConfigOffset();
        if (request.config().isPresent() && offset < config + EspSettings.SECTOR && roundUp(offset + size, EspSettings.SECTOR) > config) {
            throw new FlashException(Kind.BAD_REQUEST, String.format(
                    "the image %s (%,d bytes) at 0x%X reaches the device configuration sector at 0x%X "
                            + "(the last 4 KiB of the %s flash): use a smaller image or a larger --flash-size",
                    request.image().name(), size, offset, config, sizeText(settings.flashSize())));
        }
    }

    static String sizeText(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : bytes / 1024 + " KiB";
    }

    private static long roundUp(long value, long unit) {
        return (value + unit - 1) / unit * unit;
    }

    /** One flash over one open port. */
    private final class Session {
        final EspLoader loader;
        final FlashRequest request;
        final FlashListener listener;
        final CancelSignal cancel;
        final long total;
        EspChip chip;
        long done;
        FlashPhase phase = FlashPhase.CONNECTING;
        String doing = "connecting";
        boolean writeStarted;

        Session(FlashPort port, FlashRequest request, FlashListener listener, CancelSignal cancel) {
            this.loader = new EspLoader(port);
            this.request = request;
            this.listener = listener;
            this.cancel = cancel;
            this.total = request.totalBytes();
        }

        String run() throws FlashException {
            // Cancel closes the port: a read that waits for the board (up to a command's timeout) ends at once
            cancel.onCancel(() -> loader.port().close());
            try {
                return flashAll();
            } catch (FlashException e) {
                if (cancel.isCancelled() && e.kind() != Kind.CANCELLED) {
                    throw cancelled(e);   // the failure is the closed port, not the board
                }
                throw e;
            }
        }

        private String flashAll() throws FlashException {
            try {
                connect();
                identify();
                attach();
                changeBaud();
                byte[] image = request.image().bytes();
                String imageMd5 = write("the image", request.offset(), image, settings.compress(), 0);
                if (request.config().isPresent()) {
                    byte[] blob = request.config().get().encode();
                    phase(FlashPhase.CONFIGURING, "device '" + request.config().get().name() + "'");
                    write("the device configuration", settings.deviceConfigOffset(), blob, false, image.length);
                }
                phase(FlashPhase.RESETTING, "starting the new firmware");
                settings.reset().hardReset(loader.port());
                done = total;
                phase(FlashPhase.DONE, chip + " on " + portName);
                return "MD5 " + imageMd5 + " of the image read back from the " + chip;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FlashException(Kind.CANCELLED, "flashing " + chip() + " on " + portName + " was interrupted while "
                        + doing + incompleteNote(), e);
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    throw cancelled(e);
                }
                throw new FlashException(Kind.LINK_LOST, "the connection to " + chip() + " on " + portName + " was lost while "
                        + doing + " (" + e.getMessage() + ")" + incompleteNote() + "; check the cable and flash again", e);
            }
        }

        private String chip() {
            return chip == null ? "the board" : "the " + chip;
        }

        private String incompleteNote() {
            return writeStarted ? ": the device holds an incomplete image" : "";
        }

        private void phase(FlashPhase next, String message) {
            phase = next;
            listener.progress(next, done, total, message);
        }

        private void checkCancel() throws FlashException {
            if (cancel.isCancelled()) {
                throw cancelled(null);
            }
        }

        private FlashException cancelled(Throwable cause) {
            return new FlashException(Kind.CANCELLED, String.format("flashing %s on %s was cancelled while %s, after %,d of %,d bytes%s",
                    chip(), portName, doing, done, total,
                    writeStarted ? ": the device holds an incomplete image; flash it again before running it" : ""), cause);
        }

        private FlashException failure(EspLoader.Failure f) {
            String where = chip() + " on " + portName;
            if (f.timedOut()) {
                return new FlashException(Kind.TIMEOUT, where + " stopped answering while " + doing + " (" + f.getMessage() + ")"
                        + incompleteNote() + "; reset the board and flash again"
                        + (settings.baud() > EspSettings.ROM_BAUD ? ", or try a lower --baud" : ""));
            }
            return new FlashException(Kind.DEVICE_ERROR, where + " failed while " + doing + ": " + f.getMessage()
                    + incompleteNote() + "; flash again, and if it keeps failing the flash chip may be damaged");
        }

        private void connect() throws IOException, InterruptedException, FlashException {
            doing = "connecting";
            ResetSequence reset = settings.reset().resolve(loader.port());
            listener.progress(FlashPhase.CONNECTING, 0, total, reset == ResetSequence.NONE
                    ? "waiting for the ROM loader on " + portName
                    : "resetting the board on " + portName + " into the ROM loader (" + reset.name().toLowerCase().replace('_', '-') + ")");
            boolean linesWork = true;
            String wrongMode = null;
            for (int attempt = 1; attempt <= settings.connectAttempts(); attempt++) {
                checkCancel();
                if (reset != ResetSequence.NONE) {
                    linesWork &= reset.enterLoader(loader.port(), attempt % 2 == 0);
                }
                for (int s = 0; s < settings.syncsPerAttempt(); s++) {
                    if (loader.sync(settings.syncTimeoutMillis())) {
                        Thread.sleep(20);   // the ROM answers SYNC several times: let the extra answers arrive, then drop them
                        loader.discardInput();
                        loader.takeBootLog();
                        return;
                    }
                }
                String mode = EspLoader.wrongBootMode(loader.takeBootLog());
                if (mode != null) {
                    wrongMode = mode;
                }
            }
            if (wrongMode != null) {
                throw new FlashException(Kind.WRONG_BOOT_MODE, "the board on " + portName + " booted its firmware instead of the ROM loader "
                        + "(wrong boot mode detected: boot:" + wrongMode + "): hold BOOT (IO0) down, press and release RESET (EN), "
                        + "release BOOT and flash again");
            }
            throw new FlashException(Kind.NO_ANSWER, "no answer from the ESP ROM loader on " + portName + " after "
                    + settings.connectAttempts() + " sync attempts: hold BOOT and press RESET, or check the port"
                    + (linesWork || reset == ResetSequence.NONE ? "" : " (" + portName + " has no DTR/RTS lines, so Eave could not reset the board itself)"));
        }

        private void identify() throws IOException, FlashException {
            doing = "identifying the chip";
            EspChip found = null;
            try {
                Packets.Packet info = loader.command(Command.GET_SECURITY_INFO, new byte[0], settings.commandTimeoutMillis());
                int payload = info.data().length - EspLoader.ROM_STATUS_BYTES;
                EspLoader.checkStatus(Command.GET_SECURITY_INFO, info, Math.max(payload, 0));
                if (payload >= 20) {
                    long id = info.word(3);
                    found = EspChip.byChipId(id);
                }
            } catch (EspLoader.Failure f) {
                // older ROMs (ESP32, ESP32-S2) do not know GET_SECURITY_INFO: fall back to the magic register
            }
            if (found == null) {
                long magic;
                try {
                    magic = Integer.toUnsignedLong(loader.checked(Command.READ_REG, Packets.words(EspChip.CHIP_MAGIC_REGISTER),
                            settings.commandTimeoutMillis()).value());
                } catch (EspLoader.Failure f) {
                    throw failure(f);
                }
                if (magic == EspChip.ESP8266_MAGIC) {
                    throw new FlashException(Kind.WRONG_CHIP, "the board on " + portName + " is an ESP8266, which Eave does not support: use an ESP32-family board");
                }
                found = EspChip.byMagic(magic);
                if (found == null) {
                    throw new FlashException(Kind.WRONG_CHIP, String.format("the chip on %s is not one Eave knows (chip magic 0x%08X): "
                            + "supported are ESP32, ESP32-S2, ESP32-S3, ESP32-C3 and ESP32-C6", portName, magic));
                }
            }
            chip = found;
            if (settings.expectedChip().isPresent() && settings.expectedChip().get() != chip) {
                EspChip want = settings.expectedChip().get();
                throw new FlashException(Kind.WRONG_CHIP, "the board on " + portName + " has an " + chip + ", not an " + want
                        + ": pick the board " + chip.boardName() + " (--board " + chip.boardName() + ")");
            }
            listener.progress(FlashPhase.CONNECTING, 0, total, chip + " on " + portName);
        }

        private void attach() throws IOException, FlashException {
            try {
                doing = "attaching the SPI flash";
                loader.checked(Command.SPI_ATTACH, Packets.words(0, 0), settings.commandTimeoutMillis());
                doing = "setting the flash parameters";
                loader.checked(Command.SPI_SET_PARAMS, Packets.words(0, settings.flashSize(), 64 * 1024, 4 * 1024, 256, 0xFFFF),
                        settings.commandTimeoutMillis());
            } catch (EspLoader.Failure f) {
                throw failure(f);
            }
        }

        private void changeBaud() throws IOException, InterruptedException, FlashException {
            if (settings.baud() == EspSettings.ROM_BAUD) {
                return;
            }
            doing = "changing to " + settings.baud() + " baud";
            try {
                loader.checked(Command.CHANGE_BAUDRATE, Packets.words(settings.baud(), 0), settings.commandTimeoutMillis());
            } catch (EspLoader.Failure f) {
                throw failure(f);
            }
            loader.port().setBaudRate(settings.baud());
            Thread.sleep(50);   // the ROM switches after its answer; let the line settle
            loader.discardInput();
        }

        /** Writes one region, verifies it by MD5; returns the MD5. */
        private String write(String what, long offset, byte[] data, boolean deflate, long progressBase)
                throws IOException, InterruptedException, FlashException {
            int blockSize = settings.blockSize();
            byte[] payload = deflate ? deflate(data) : data;
            if (payload.length >= data.length) {   // already compressed (or random): plain blocks are cheaper
                payload = data;
                deflate = false;
            }
            int blocks = (payload.length + blockSize - 1) / blockSize;
            long eraseSize = deflate ? roundUp(data.length, blockSize) : data.length;
            Command begin = deflate ? Command.FLASH_DEFL_BEGIN : Command.FLASH_BEGIN;
            Command dataCommand = deflate ? Command.FLASH_DEFL_DATA : Command.FLASH_DATA;
            long[] words = chip.flashBeginWords == 5
                    ? new long[] {eraseSize, blocks, blockSize, offset, 0}
                    : new long[] {eraseSize, blocks, blockSize, offset};
            checkCancel();
            if (phase != FlashPhase.CONFIGURING) {
                phase(FlashPhase.ERASING, String.format("%s, %,d bytes at 0x%X", what, data.length, offset));
            }
            doing = String.format("erasing 0x%X..0x%X for %s", offset, offset + eraseSize, what);
            writeStarted = true;
            try {
                loader.checked(begin, Packets.words(words), settings.commandTimeoutMillis() + settings.eraseMillisPerMiB() * ((eraseSize + MIB - 1) / MIB));
            } catch (EspLoader.Failure f) {
                throw failure(f);
            }
            if (phase != FlashPhase.CONFIGURING) {
                phase(FlashPhase.WRITING, String.format("%s, %,d bytes%s", what, data.length,
                        deflate ? String.format(" (%,d deflated)", payload.length) : ""));
            }
            for (int seq = 0; seq < blocks; seq++) {
                doing = String.format("writing %s, block %d of %d (at 0x%X)", what, seq + 1, blocks, offset + (long) seq * blockSize);
                checkCancel();
                int from = seq * blockSize;
                int length = Math.min(blockSize, payload.length - from);
                byte[] block = new byte[16 + (deflate ? length : blockSize)];
                System.arraycopy(Packets.words(block.length - 16, seq, 0, 0), 0, block, 0, 16);
                System.arraycopy(payload, from, block, 16, length);
                if (!deflate) {
                    Arrays.fill(block, 16 + length, block.length, (byte) 0xFF);   // the last plain block is padded with erased bytes
                }
                for (int attempt = 1; ; attempt++) {
                    try {
                        loader.checked(dataCommand, block, settings.commandTimeoutMillis());
                        break;
                    } catch (EspLoader.Failure f) {
                        if (f.error != LoaderErrors.BAD_CRC || attempt >= settings.retriesPerBlock()) {
                            if (f.error == LoaderErrors.BAD_CRC) {
                                doing += " (" + attempt + " attempts)";
                            }
                            throw failure(f);
                        }
                        // the loader dropped the block without writing it: send it again
                    }
                }
                long sent = Math.min((long) from + length, payload.length);
                done = progressBase + data.length * sent / payload.length;
                listener.progress(phase, done, total, "");
            }
            phase(FlashPhase.VERIFYING, what);
            doing = "verifying " + what;
            String expected = md5(data);
            String actual;
            try {
                Packets.Packet r = loader.command(Command.SPI_FLASH_MD5, Packets.words(offset, data.length, 0, 0),
                        settings.commandTimeoutMillis() + settings.md5MillisPerMiB() * ((data.length + MIB - 1) / MIB));
                int payloadLength = r.data().length - EspLoader.ROM_STATUS_BYTES >= 32 ? 32 : 16;
                EspLoader.checkStatus(Command.SPI_FLASH_MD5, r, payloadLength);
                actual = payloadLength == 32 ? EspLoader.ascii(r.data(), 0, 32).toLowerCase()
                        : HexFormat.of().formatHex(r.data(), 0, 16);
            } catch (EspLoader.Failure f) {
                throw failure(f);
            }
            if (!expected.equals(actual)) {
                throw new FlashException(Kind.VERIFY_FAILED, String.format(
                        "verification failed: %s (%,d bytes at 0x%X) reads back from the %s on %s with MD5 %s, but what was written has MD5 %s: "
                                + "the device holds a damaged image; flash again, and if it fails again the flash chip may be worn or damaged",
                        what, data.length, offset, chip, portName, actual, expected));
            }
            return actual;
        }
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);   // zlib format, as the loader inflates it
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}

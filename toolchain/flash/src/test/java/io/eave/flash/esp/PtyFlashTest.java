package io.eave.flash.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eave.flash.CancelSignal;
import io.eave.flash.DeviceConfig;
import io.eave.flash.FlashException;
import io.eave.flash.FlashException.Kind;
import io.eave.flash.FlashImage;
import io.eave.flash.FlashRequest;
import io.eave.flash.FlashResult;
import io.eave.flash.RecordingListener;
import io.eave.flash.esp.emulator.Faults;
import io.eave.flash.esp.emulator.RomLoaderEmulator;
import io.eave.flash.port.SerialFlashPort;
import io.eave.flash.port.SocatPty;

/** The real serial implementation (jSerialComm) over a real pty pair, the emulated ROM loader at the far end. */
class PtyFlashTest {

    private SocatPty pty;
    private RomLoaderEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        pty = SocatPty.start();
        emulator = new RomLoaderEmulator(EspChip.ESP32_C3);
        emulator.startInLoader();   // a pty has no modem lines: the chip waits in the loader as if BOOT were held
        emulator.serve(SerialFlashPort.open(pty.device, 115_200));
    }

    @AfterEach
    void stop() throws Exception {
        emulator.close();
        pty.close();
    }

    private EspRomFlasher flasher(EspSettings settings) {
        return EspRomFlasher.onSerialPort(pty.host, settings);
    }

    @Test
    void flashesThroughTheRealSerialPortImplementation() throws Exception {
        byte[] bytes = EspRomFlasherTest.image(200_000, 21);
        DeviceConfig config = DeviceConfig.withRandomSecret("pty-board");
        RecordingListener listener = new RecordingListener();
        FlashResult result = flasher(EspRomFlasherTest.fast()).flash(FlashRequest.of(new FlashImage("fw.bin", bytes), config), listener,
                new CancelSignal());
        assertEquals("ESP32-C3 on " + pty.host, result.target());
        assertArrayEquals(bytes, emulator.read(0, bytes.length));
        assertEquals(config, DeviceConfig.decode(emulator.read(EspRomFlasherTest.CONFIG_OFFSET, DeviceConfig.SIZE)));
        listener.assertMonotonicToCompletion();
    }

    @Test
    void aLoaderThatDropsTheLineMidwayIsATimeoutNotASuccess() {
        emulator.faults(Faults.closeAt(6));
        FlashException e = assertThrows(FlashException.class, () -> flasher(EspRomFlasherTest.fast().withReset(ResetSequence.NONE))
                .flash(FlashRequest.of(new FlashImage("fw.bin", EspRomFlasherTest.image(60_000, 22)), DeviceConfig.withRandomSecret("x")),
                        new RecordingListener(), new CancelSignal()));
        assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());   // on a pty the far end closing looks like a board that stopped answering
        assertTrue(e.getMessage().contains("block 7 of"), e.getMessage());
        assertTrue(e.getMessage().contains("the device holds an incomplete image"), e.getMessage());
    }

    @Test
    void cancelWhileTheLoaderHangsStopsAtOnceNotAfterTheTimeout() throws Exception {
        emulator.faults(Faults.hangAt(4));
        CancelSignal cancel = new CancelSignal();
        long[] cancelledAt = { 0 };
        RecordingListener listener = new RecordingListener(ev -> {
            if (ev.phase() == io.eave.flash.FlashPhase.WRITING && ev.done() > 0 && cancelledAt[0] == 0) {
                cancelledAt[0] = System.nanoTime();
                Thread t = new Thread(() -> {
                    try {
                        Thread.sleep(300);   // the flasher is waiting for the hung block's answer by now
                    } catch (InterruptedException e) {
                        return;
                    }
                    cancel.cancel();
                });
                t.start();
            }
        });
        FlashException e = assertThrows(FlashException.class, () -> flasher(EspRomFlasherTest.fast().withCommandTimeout(10_000))
                .flash(FlashRequest.of(new FlashImage("fw.bin", EspRomFlasherTest.image(200_000, 23)), DeviceConfig.withRandomSecret("x")),
                        listener, cancel));
        long millis = (System.nanoTime() - cancelledAt[0]) / 1_000_000;
        assertEquals(Kind.CANCELLED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("was cancelled while writing the image") && e.getMessage().contains("incomplete image"),
                e.getMessage());
        assertTrue(millis < 3_000, "stopped " + millis + " ms after the write began, not after the 10 s timeout");
    }

    @Test
    void aPtyThatVanishesMidwayIsALostLink() {
        RecordingListener listener = new RecordingListener(ev -> {
            if (ev.done() > ev.total() / 3 && pty.isAlive()) {
                try {
                    pty.close();   // socat gone: the host's pty hangs up, as a USB port does when unplugged
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        FlashException e = assertThrows(FlashException.class, () -> flasher(EspRomFlasherTest.fast().withReset(ResetSequence.NONE))
                .flash(FlashRequest.of(new FlashImage("fw.bin", EspRomFlasherTest.image(100_000, 23)), DeviceConfig.withRandomSecret("x")),
                        listener, new CancelSignal()));
        assertEquals(Kind.LINK_LOST, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("the connection to the ESP32-C3 on " + pty.host + " was lost while writing the image, block "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("the device holds an incomplete image; check the cable and flash again"), e.getMessage());
    }

    @Test
    void noAnswerOnAPtyMentionsTheMissingModemLines() {
        emulator.faults(Faults.silentLoader());
        FlashException e = assertThrows(FlashException.class, () -> flasher(EspRomFlasherTest.fast())
                .flash(FlashRequest.of(new FlashImage("fw.bin", new byte[100]), DeviceConfig.withRandomSecret("x")),
                        new RecordingListener(), new CancelSignal()));
        assertEquals(Kind.NO_ANSWER, e.kind());
        assertEquals("no answer from the ESP ROM loader on " + pty.host + " after 3 sync attempts: hold BOOT and press RESET, or check the port ("
                + pty.host + " has no DTR/RTS lines, so Eave could not reset the board itself)", e.getMessage());
    }

    @Test
    void aMissingPortSaysSo() {
        FlashException e = assertThrows(FlashException.class, () -> EspRomFlasher.onSerialPort("/dev/ttyNOPE9", EspRomFlasherTest.fast())
                .flash(FlashRequest.of(new FlashImage("fw.bin", new byte[100]), DeviceConfig.withRandomSecret("x")),
                        new RecordingListener(), new CancelSignal()));
        assertEquals(Kind.PORT_UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().startsWith("no serial port /dev/ttyNOPE9: is the board plugged in? Ports on this machine: "), e.getMessage());
    }
}

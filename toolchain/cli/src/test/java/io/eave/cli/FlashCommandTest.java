package io.eave.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eave.flash.DeviceConfig;
import io.eave.flash.DeviceFolder;
import io.eave.flash.esp.EspChip;
import io.eave.flash.esp.emulator.Faults;
import io.eave.flash.esp.emulator.RomLoaderEmulator;
import io.eave.flash.port.SerialFlashPort;

/** eave flash as a user runs it: exit codes, progress on stderr, the device folder, errors. */
class FlashCommandTest {

    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String previousHome;

    @BeforeEach
    void useTemporaryEaveHome() {
        previousHome = System.getProperty("eave.home");
        System.setProperty("eave.home", home.toString());
    }

    @AfterEach
    void restoreEaveHome() {
        if (previousHome == null) {
            System.clearProperty("eave.home");
        } else {
            System.setProperty("eave.home", previousHome);
        }
    }

    private int flash(String... args) {
        out.reset();
        err.reset();
        return new FlashCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path elf(int machine, int size) throws IOException {
        byte[] b = new byte[size];
        b[0] = 0x7F;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 1;
        b[5] = 1;
        b[18] = (byte) machine;
        Path file = home.resolve("eave-test.elf");
        Files.write(file, b);
        return file;
    }

    @Test
    void flashesAQemuBoardIntoItsDeviceFolderAndKeepsTheSecretNextTime() throws Exception {
        Path image = elf(40, 200_000);
        assertEquals(0, flash("--board", "qemu-arm", "--image", image.toString(), "--name", "lab"), err());
        Path folder = home.resolve("boards/lab");
        assertArrayEquals(Files.readAllBytes(image), Files.readAllBytes(folder.resolve("firmware.elf")));
        assertTrue(out().startsWith("flashed " + image + " (200,000 bytes) to qemu-arm device 'lab' in " + folder), out());
        assertTrue(out().contains("device 'lab': new secret in " + folder.resolve("device-config.bin")), out());
        assertTrue(err().contains("  writing      99%  200,000/200,128 bytes"), err());
        assertTrue(err().contains("  done        100%"), err());
        DeviceConfig first = DeviceFolder.readConfig(folder);

        Path store = folder.resolve("qemu-arm.store");
        assertTrue(out().contains("program store: none yet (" + store + " is made at the first boot)"), out());

        byte[] programs = {'E', 'A', 'V', 'S', 7};
        Files.write(store, programs); // what the board wrote while it ran
        assertEquals(0, flash("--board", "qemu-arm", "--image", image.toString(), "--name", "lab"), err());
        assertTrue(out().contains("device 'lab': kept its secret"), out());
        assertEquals(first, DeviceFolder.readConfig(folder));
        assertTrue(out().contains("program store: kept in " + store), out());
        assertArrayEquals(programs, Files.readAllBytes(store));

        assertEquals(0, flash("--board", "qemu-arm", "--image", image.toString(), "--name", "lab", "--erase-store"), err());
        assertTrue(out().contains("program store: erased"), out());
        assertFalse(Files.exists(store));
    }

    @Test
    void usageErrorsSayWhatIsMissing() throws Exception {
        assertEquals(2, flash());
        assertTrue(err().startsWith("eave flash: pick a board with --board (qemu-arm, qemu-riscv, esp32, esp32-s2, esp32-c3, esp32-s3, esp32-c6)"), err());
        assertEquals(2, flash("--board", "esp8266"));
        assertTrue(err().startsWith("eave flash: unknown board 'esp8266'"), err());
        assertEquals(2, flash("--board", "esp32-c3", "--image", "x.bin"));
        assertTrue(err().startsWith("eave flash: an ESP board needs its serial port: pass --port, e.g. --port /dev/ttyUSB0"), err());
        assertEquals(2, flash("--board", "esp32-c3", "--port", "/dev/ttyUSB0"));
        assertTrue(err().startsWith("eave flash: Eave does not build an ESP32 firmware image yet: pass --image FILE"), err());
        assertEquals(2, flash("--board", "qemu-arm", "--image", "/no/such.elf"));
        assertEquals("eave flash: no such image: /no/such.elf\n", err());
        assertEquals(2, flash("--board", "qemu-arm", "--image", elf(243, 100).toString()));
        assertTrue(err().contains("is built for the qemu-riscv board, not for qemu-arm (ARM)"), err());
        assertEquals(2, flash("--board", "qemu-arm", "--baud", "9600"));
        assertEquals("eave flash: --baud is for ESP boards; qemu-arm is emulated\n", err());
        assertEquals(2, flash("--board", "esp32-c3", "--port", "/dev/ttyUSB0", "--image", elf(243, 100).toString(), "--erase-store"));
        assertEquals("eave flash: --erase-store is for QEMU boards (Eave has no program store on ESP boards yet)\n", err());
        assertEquals(2, flash("--board", "qemu-arm", "--name", "my board"));
        assertTrue(err().startsWith("eave flash: invalid device name 'my board'"), err());
    }

    /** A socat pty pair with the emulated ROM loader on the device end. */
    private static final class EmulatedEspOnPty implements AutoCloseable {
        final Process socat;
        final String host;
        final RomLoaderEmulator emulator = new RomLoaderEmulator(EspChip.ESP32_C3);

        EmulatedEspOnPty() throws Exception {
            try {
                socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").start();
            } catch (IOException e) {
                Assumptions.abort("socat is not installed: " + e.getMessage());
                throw e;
            }
            List<String> ptys = CompletableFuture.supplyAsync(() -> {
                List<String> found = new ArrayList<>();
                Pattern pty = Pattern.compile("PTY is (\\S+)");
                try (BufferedReader r = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null && !line.contains("starting data transfer loop"); ) {
                        Matcher m = pty.matcher(line);
                        if (m.find()) {
                            found.add(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    // fall through with what was found
                }
                return found;
            }).get(5, TimeUnit.SECONDS);
            host = ptys.get(0);
            emulator.startInLoader();
            emulator.serve(SerialFlashPort.open(ptys.get(1), 115_200));
        }

        @Override
        public void close() throws Exception {
            emulator.close();
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void flashesAnEspBoardOverASerialPortAndKeepsItsSecret() throws Exception {
        try (EmulatedEspOnPty esp = new EmulatedEspOnPty()) {
            byte[] image = new byte[100_000];
            for (int i = 0; i < image.length; i++) {
                image[i] = (byte) (i % 251 < 100 ? i : 0);
            }
            Path file = home.resolve("eave-esp32-c3.bin");
            Files.write(file, image);
            assertEquals(0, flash("--board", "esp32-c3", "--port", esp.host, "--image", file.toString(), "--name", "desk"), err());
            assertArrayEquals(image, esp.emulator.read(0, image.length));
            Path folder = home.resolve("boards/desk");
            DeviceConfig saved = DeviceFolder.readConfig(folder);
            assertEquals(saved, DeviceConfig.decode(esp.emulator.read(0x3FF000, DeviceConfig.SIZE)), "the board and this machine share the secret");
            assertTrue(out().startsWith("flashed " + file + " (100,000 bytes) to ESP32-C3 on " + esp.host), out());
            assertTrue(err().contains("  connecting    0%  ESP32-C3 on " + esp.host), err());
            assertTrue(err().contains("  writing      99%  100,000/100,128 bytes"), err());
            assertEquals("esp32-c3", DeviceFolder.readProperties(folder).getProperty("board"));
        }
    }

    @Test
    void aBoardThatDoesNotAnswerIsAClearError() throws Exception {
        try (EmulatedEspOnPty esp = new EmulatedEspOnPty()) {
            esp.emulator.faults(Faults.silentLoader());
            Path file = home.resolve("fw.bin");
            Files.write(file, new byte[1000]);
            assertEquals(1, flash("--port", esp.host, "--image", file.toString(), "--reset", "none"));
            assertTrue(err().endsWith("eave flash: no answer from the ESP ROM loader on " + esp.host
                    + " after 7 sync attempts: hold BOOT and press RESET, or check the port\n"), err());
            assertEquals("", out());
        }
    }
}

package io.eave.flash.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The in-memory line: bytes both ways, read timeouts, close from another thread, modem lines, streams. */
class PipePortTest {

    @Test
    void bytesGoBothWaysAndAReadTimesOutWithZero() throws IOException {
        PipePort[] ends = PipePort.pair("host", "device");
        ends[0].write(new byte[] {1, 2, 3});
        byte[] b = new byte[10];
        assertEquals(3, ends[1].read(b, 0, 10, 100));
        assertArrayEquals(new byte[] {1, 2, 3}, java.util.Arrays.copyOf(b, 3));
        long start = System.nanoTime();
        assertEquals(0, ends[0].read(b, 0, 10, 50));
        assertTrue(System.nanoTime() - start >= 45_000_000L, "waited the timeout");
    }

    @Test
    void closingWakesABlockedReaderWithPortClosed() throws Exception {
        PipePort[] ends = PipePort.pair("host", "device");
        new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ends[1].close();
        }).start();
        long start = System.nanoTime();
        PortClosedException e = assertThrows(PortClosedException.class, () -> ends[0].read(new byte[1], 0, 1, 5_000));
        assertEquals("host is closed", e.getMessage());
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
        assertThrows(PortClosedException.class, () -> ends[0].write(new byte[1]));
    }

    @Test
    void modemLinesAndBaudReachTheFarEnd() throws IOException {
        PipePort[] ends = PipePort.pair("host", "device");
        List<String> seen = new ArrayList<>();
        ends[0].onLines((line, value) -> seen.add(line + "=" + value));
        ends[0].setDtr(true);
        ends[0].setRts(false);
        ends[0].setBaudRate(921_600);
        assertEquals(List.of("DTR=1", "RTS=0", "BAUD=921600"), seen);
        assertEquals(921_600, ends[0].baudRate());
    }

    @Test
    void streamAdaptersTimeOutAndEndAtClose() throws IOException {
        PipePort[] ends = PipePort.pair("host", "device");
        ends[1].outputStream().write(new byte[] {7, 8});
        InputStream in = ends[0].inputStream(50);
        assertEquals(7, in.read());
        assertEquals(8, in.read());
        assertThrows(SocketTimeoutException.class, in::read);
        ends[1].close();
        assertEquals(-1, in.read());
    }

    @Test
    void aPacedLineTakesTheTimeItsBaudRateNeeds() throws IOException {
        PipePort[] ends = PipePort.pair("host", "device");
        ends[0].setBaudRate(115_200);
        ends[0].pacedToBaud(true);
        long start = System.nanoTime();
        ends[0].write(new byte[1152]);   // 11,520 bits: 100 ms at 115200 baud
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 90 && ms < 1_000, ms + " ms");
    }
}

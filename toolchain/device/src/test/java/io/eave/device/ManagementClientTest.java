package io.eave.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManagementClientTest {
    static byte[] image(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) (i * 31 + 7);
        return b;
    }

    static ManagementException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(ManagementException.class, e.getCause());
    }

    @Test
    void installStreamsChunksWithProgress() throws Exception {
        FakeDevice device = new FakeDevice();
        try (ManagementClient client = new ManagementClient(device, Duration.ofSeconds(2))) {
            byte[] img = image(2000);
            List<Long> progress = new CopyOnWriteArrayList<>();
            ImageId id = client.install("blink", img, true, (sent, total) -> progress.add(sent)).get(5, TimeUnit.SECONDS);
            assertArrayEquals(java.util.Arrays.copyOfRange(img, 16, 32), id.bytes());
            assertArrayEquals(img, device.installed.get("blink"));
            assertEquals(List.of(496L, 992L, 1488L, 1984L, 2000L), progress);
            assertInstanceOf(Message.InstallBegin.class, device.requests.get(0));
            assertTrue(((Message.InstallBegin) device.requests.get(0)).runOnBoot());
        }
    }

    @Test
    void listFetchesEveryPage() throws Exception {
        FakeDevice device = new FakeDevice();
        try (ManagementClient client = new ManagementClient(device, Duration.ofSeconds(2))) {
            for (String name : List.of("a", "b", "c", "d", "e")) client.install(name, image(40), false, InstallListener.NONE).get(5, TimeUnit.SECONDS);
            List<ContainerInfo> all = client.list().get(5, TimeUnit.SECONDS);
            assertEquals(List.of("a", "b", "c", "d", "e"), all.stream().map(ContainerInfo::name).toList());
        }
    }

    @Test
    void deviceErrorsCarryCodeAndMessage() {
        FakeDevice device = new FakeDevice();
        try (ManagementClient client = new ManagementClient(device, Duration.ofSeconds(2))) {
            ManagementException e = failure(client.start("blink", List.of()));
            assertEquals(3, e.code());
            assertEquals("no container named 'blink': install it first", e.getMessage());
        }
    }

    @Test
    void silenceTimesOut() {
        FakeDevice device = new FakeDevice();
        device.mute = true;
        try (ManagementClient client = new ManagementClient(device, Duration.ofMillis(100))) {
            ManagementException e = failure(client.stop("blink"));
            assertEquals(0, e.code());
            assertTrue(e.getMessage().startsWith("no answer from the device to Stop within 100 ms"), e.getMessage());
        }
    }

    @Test
    void cancelledInstallAborts() throws Exception {
        FakeDevice device = new FakeDevice();
        try (ManagementClient client = new ManagementClient(device, Duration.ofSeconds(2))) {
            // The listener runs on the client's thread and may run before install() has returned:
            // it waits for the future the test gets, so the cancel lands at the third chunk.
            CompletableFuture<CompletableFuture<ImageId>> holder = new CompletableFuture<>();
            CompletableFuture<Void> cancelled = new CompletableFuture<>();
            holder.complete(client.install("big", image(496 * 20), false, (sent, total) -> {
                if (sent >= 496 * 3 && !cancelled.isDone()) {
                    try {
                        holder.get(5, TimeUnit.SECONDS).cancel(false);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    cancelled.complete(null);
                }
            }));
            cancelled.get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (device.requests.stream().noneMatch(r -> r instanceof Message.InstallAbort) && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(device.requests.stream().anyMatch(r -> r instanceof Message.InstallAbort), "INSTALL_ABORT sent");
            long chunks = device.requests.stream().filter(r -> r instanceof Message.InstallData).count();
            assertTrue(chunks < 20, chunks + " chunks sent");
            assertTrue(device.installed.isEmpty());
        }
    }

    @Test
    void eventsReachListeners() throws Exception {
        FakeDevice device = new FakeDevice();
        try (ManagementClient client = new ManagementClient(device, Duration.ofSeconds(2))) {
            List<Message.Event> events = new ArrayList<>();
            client.addEventListener(events::add);
            device.reply(new Message.Exited("crashy", -1, Message.EndKind.EXCEPTION, "uncaught exception: division by zero",
                    List.of(new Message.TraceEntry(3, 17))));
            assertEquals(1, events.size());
            Message.Exited exited = (Message.Exited) events.get(0);
            assertEquals(List.of(new Message.TraceEntry(3, 17)), exited.trace());
        }
    }

    @Test
    void badNamesAreRefusedBeforeSending() {
        FakeDevice device = new FakeDevice();
        try (ManagementClient client = new ManagementClient(device, Duration.ofSeconds(2))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.stop("x".repeat(32)));
            assertTrue(e.getMessage().contains("use 1 to 31"), e.getMessage());
            assertTrue(device.requests.isEmpty());
        }
    }
}

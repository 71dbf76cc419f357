package io.eave.ui.tests.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eave.device.ContainerInfo;
import io.eave.device.DeviceAddress;
import io.eave.device.ImageId;
import io.eave.devices.ContainerLabels;
import io.eave.devices.DeviceRegistry;
import io.eave.devices.SecureStorageSecrets;

/** The Devices view's model without a device: labels, addresses, secrets. */
public class DeviceModelTest {

    private static ContainerInfo container(ContainerInfo.State state, long exitCode, String reason, long used, long quota, long uptime) {
        return new ContainerInfo("blink", imageId(), 1234, state, true, exitCode, reason, used, quota, uptime);
    }

    private static ImageId imageId() {
        return new ImageId(new byte[16]);
    }

    @Test
    void containerColumnsReadAsPeopleSayThem() {
        ContainerInfo running = container(ContainerInfo.State.RUNNING, 0, "", 1536, 64 * 1024, 185_000);
        assertEquals("running", ContainerLabels.state(running));
        assertEquals("1.5 of 64 KB", ContainerLabels.memory(running));
        assertEquals("3 min 5 s", ContainerLabels.uptime(running));
        assertEquals("yes", ContainerLabels.runOnBoot(running));
        ContainerInfo exited = container(ContainerInfo.State.EXITED, 3, "", 0, 0, 0);
        assertEquals("exited (code 3)", ContainerLabels.state(exited));
        assertEquals("-", ContainerLabels.memory(exited));
        assertEquals("-", ContainerLabels.uptime(exited));
        assertEquals("crashed (DIVISION_BY_ZERO)",
                ContainerLabels.state(container(ContainerInfo.State.CRASHED, 1, "DIVISION_BY_ZERO", 0, 0, 0)));
        assertEquals("2 h 7 min", ContainerLabels.uptime(container(ContainerInfo.State.RUNNING, 0, "", 0, 0, 7_620_000)));
    }

    @Test
    void addressesTypedByHandAreSerialPortsOrTcp() throws IOException {
        DeviceAddress tcp = DeviceRegistry.parse("tcp:192.168.1.20:4711");
        assertTrue(tcp.isTcp());
        assertEquals("192.168.1.20", tcp.host());
        assertEquals(4711, tcp.port());
        assertEquals(4711, DeviceRegistry.parse("localhost:4711").port());
        assertEquals("/dev/ttyUSB0", DeviceRegistry.parse("/dev/ttyUSB0").serialPath());
        IOException notOne = assertThrows(IOException.class, () -> DeviceRegistry.parse("my-board"));
        assertTrue(notOne.getMessage().contains("tcp:HOST:PORT"), notOne.getMessage());
        assertThrows(IOException.class, () -> DeviceRegistry.parse("tcp:host:99999"));
        assertThrows(IOException.class, () -> DeviceRegistry.parse(" "));
    }

    @Test
    void secretsGoToSecureStorageEncryptedAndCanBeRemoved(@TempDir Path folder) throws Exception {
        Map<String, Object> options = new HashMap<>();
        options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test-password".toCharArray()));
        options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        ISecurePreferences storage = SecurePreferencesFactory.open(folder.resolve("secure_storage").toUri().toURL(), options);
        SecureStorageSecrets secrets = new SecureStorageSecrets(storage);
        assertNull(secrets.get("tcp:10.0.0.7:4711"));
        secrets.put("tcp:10.0.0.7:4711", "s3cret");
        secrets.put("/dev/ttyUSB0", "other");
        assertEquals("s3cret", secrets.get("tcp:10.0.0.7:4711"));
        assertEquals("other", secrets.get("/dev/ttyUSB0"), "a path with slashes is one node");
        assertTrue(storage.node("io.eave.devices").childrenNames().length == 2);
        String stored = java.nio.file.Files.readString(folder.resolve("secure_storage"));
        assertTrue(!stored.contains("s3cret"), "the secret is not stored in clear: " + stored);
        secrets.put("tcp:10.0.0.7:4711", null);
        assertNull(secrets.get("tcp:10.0.0.7:4711"));
        assertEquals(List.of("/dev/ttyUSB0"), List.of(storage.node("io.eave.devices").childrenNames()).stream()
                .map(org.eclipse.equinox.security.storage.EncodingUtils::decodeSlashes).toList());
    }
}

package io.eave.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/** A device in memory for client tests: keeps installs, answers like the firmware, can go mute. */
final class FakeDevice implements Channel {
    private Consumer<byte[]> receiver = b -> {};
    final Map<String, byte[]> installed = new LinkedHashMap<>();
    final List<Message.Request> requests = new ArrayList<>();
    volatile boolean mute;
    private String installing;
    private byte[] buffer;
    private long expectedCrc;
    private int received;
    int listPageSize = 2;

    @Override
    public synchronized void send(byte[] message) {
        Message.Request r = ManagementCodec.decodeRequest(message);
        requests.add(r);
        if (mute) return;
        reply(answer(r));
    }

    @Override
    public void onReceive(Consumer<byte[]> receiver) {
        this.receiver = receiver;
    }

    void reply(Message m) {
        receiver.accept(ManagementCodec.encode(m));
    }

    private Message answer(Message.Request r) {
        long id = r.request();
        return switch (r) {
            case Message.InstallBegin b -> {
                installing = b.name();
                buffer = new byte[(int) b.size()];
                expectedCrc = b.crc32();
                received = 0;
                yield new Message.Ok(id);
            }
            case Message.InstallData d -> {
                if (installing == null) yield new Message.Error(id, 7, "no install in progress: send INSTALL_BEGIN first");
                if (d.offset() != received) yield new Message.Error(id, 8, "data out of order: expected offset " + received);
                System.arraycopy(d.data(), 0, buffer, received, d.data().length);
                received += d.data().length;
                yield new Message.Ok(id);
            }
            case Message.InstallEnd e -> {
                CRC32 crc = new CRC32();
                crc.update(buffer);
                if (crc.getValue() != expectedCrc) yield new Message.Error(id, 10, "the image arrived corrupt: install it again");
                installed.put(installing, buffer);
                installing = null;
                byte[] idBytes = java.util.Arrays.copyOfRange(buffer, 16, 32);
                yield new Message.Installed(id, new ImageId(idBytes), installed.size());
            }
            case Message.InstallAbort a -> {
                installing = null;
                yield new Message.Ok(id);
            }
            case Message.ListContainers l -> {
                List<ContainerInfo> page = new ArrayList<>();
                List<String> names = new ArrayList<>(installed.keySet());
                for (int i = (int) l.first(); i < names.size() && page.size() < listPageSize; i++) {
                    byte[] img = installed.get(names.get(i));
                    page.add(new ContainerInfo(names.get(i), new ImageId(java.util.Arrays.copyOfRange(img, 16, 32)), img.length,
                            ContainerInfo.State.INSTALLED, false, 0, "", 0, 0, 0));
                }
                yield new Message.ListResult(id, names.size(), page);
            }
            case Message.Start s -> installed.containsKey(s.name()) ? new Message.Ok(id)
                    : new Message.Error(id, 3, "no container named '" + s.name() + "': install it first");
            default -> new Message.Ok(id);
        };
    }
}

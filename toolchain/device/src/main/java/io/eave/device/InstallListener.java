package io.eave.device;

/** Progress of an install: called after each chunk the device has acknowledged. */
@FunctionalInterface
public interface InstallListener {
    void progress(long bytesSent, long totalBytes);

    InstallListener NONE = (sent, total) -> {};
}

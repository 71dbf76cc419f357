package io.eave.devices;

import java.io.IOException;

/** Where the secrets of devices added by hand are kept (Eclipse secure storage in the IDE). */
public interface DeviceSecrets {

    /** The secret for the device {@code spec}, or null when none is stored. */
    String get(String spec) throws IOException;

    /** Stores the secret; null or empty removes it. */
    void put(String spec, String secret) throws IOException;
}

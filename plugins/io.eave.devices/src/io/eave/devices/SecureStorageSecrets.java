package io.eave.devices;

import java.io.IOException;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.StorageException;

/** Device secrets in Eclipse secure storage, one node per device under {@code io.eave.devices/}. */
public final class SecureStorageSecrets implements DeviceSecrets {
    private static final String ROOT = "io.eave.devices";
    private static final String KEY = "secret";
    private final ISecurePreferences storage;

    /** {@code storage}: usually {@code SecurePreferencesFactory.getDefault()}. */
    public SecureStorageSecrets(ISecurePreferences storage) {
        this.storage = storage;
    }

    @Override
    public String get(String spec) throws IOException {
        String path = ROOT + "/" + EncodingUtils.encodeSlashes(spec);
        if (!storage.nodeExists(path)) {
            return null;
        }
        try {
            return storage.node(path).get(KEY, null);
        } catch (StorageException e) {
            throw new IOException("cannot read the secret of " + spec + " from secure storage: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String spec, String secret) throws IOException {
        ISecurePreferences node = storage.node(ROOT + "/" + EncodingUtils.encodeSlashes(spec));
        try {
            if (secret == null || secret.isEmpty()) {
                node.removeNode();
            } else {
                node.put(KEY, secret, true);
            }
            storage.flush();
        } catch (StorageException e) {
            throw new IOException("cannot store the secret of " + spec + " in secure storage: " + e.getMessage(), e);
        }
    }
}

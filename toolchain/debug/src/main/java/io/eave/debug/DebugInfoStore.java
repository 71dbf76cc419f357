package io.eave.debug;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.eave.compiler.debug.DebugInfo;

/** The cache of debug info by image id, {@code ~/.eave/debug/<image id>.json} (docs/debug-info.md). */
public final class DebugInfoStore {
    private final Path directory;

    public DebugInfoStore(Path directory) {
        this.directory = directory;
    }

    /** The user's store: {@code ~/.eave/debug}. */
    public static DebugInfoStore user() {
        return new DebugInfoStore(Path.of(System.getProperty("user.home"), ".eave", "debug"));
    }

    public Path directory() {
        return directory;
    }

    public Path path(String imageId) {
        return directory.resolve(imageId + ".json");
    }

    public void save(DebugInfo info) throws IOException {
        Files.createDirectories(directory);
        Path target = path(info.imageId());
        Path temporary = Files.createTempFile(directory, info.imageId(), ".tmp");
        info.write(temporary);
        Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The debug info of an image; an IOException saying what to do when it is not there. */
    public DebugInfo load(String imageId) throws IOException {
        try {
            DebugInfo info = DebugInfo.read(path(imageId));
            if (!imageId.equalsIgnoreCase(info.imageId())) {
                throw new IOException(path(imageId) + " describes image " + info.imageId() + ", not " + imageId + ": delete it and launch the program again");
            }
            return info;
        } catch (NoSuchFileException e) {
            throw new IOException("no debug info for image " + imageId + " in " + directory
                    + ": launch the program from Eave once (or compile it with Eave on this machine), then attach again");
        }
    }
}

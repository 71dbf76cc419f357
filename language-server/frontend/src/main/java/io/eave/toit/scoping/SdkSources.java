package io.eave.toit.scoping;

import io.eave.toit.ast.Declaration;
import io.eave.toit.ast.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * The sources of a Toit SDK's own library, opened as files: a file under a {@code lib/} folder
 * that holds {@code core/core.toit} is compiled by Toit against that core (which it never
 * imports), so its names resolve against those sources, ahead of Eave's library. Without this
 * every SDK-internal name (`Task_`, `encode-error_` ...) of such a file would be unresolved.
 */
public final class SdkSources {
    private SdkSources() {
    }

    /**
     * Whether {@code resource} is a file of an SDK's core itself ({@code lib/core/*.toit} next to
     * {@code core.toit}): the core declares what user code may not (`throw`, `catch` ...).
     */
    public static boolean isCoreFile(Resource resource) {
        if (resource == null || !resource.getURI().isFile()) return false;
        Path folder = Path.of(resource.getURI().toFileString()).toAbsolutePath().getParent();
        return folder != null && folder.getFileName() != null && folder.getFileName().toString().equals("core")
                && folder.getParent() != null && folder.getParent().getFileName() != null
                && folder.getParent().getFileName().toString().equals("lib") && Files.isRegularFile(folder.resolve("core.toit"));
    }

    /** The declarations of the SDK core {@code resource} belongs to, or none. */
    public static List<Declaration> core(Resource resource) {
        if (resource == null || resource.getResourceSet() == null || !resource.getURI().isFile()) return List.of();
        for (Path folder = Path.of(resource.getURI().toFileString()).toAbsolutePath().getParent(); folder != null;
                folder = folder.getParent()) {
            Path core = folder.resolve("core").resolve("core.toit");
            if (folder.getFileName() != null && folder.getFileName().toString().equals("lib") && Files.isRegularFile(core)) {
                Unit unit = Modules.loadFile(resource.getResourceSet(), URI.createFileURI(core.toString()));
                // core.toit imports its siblings and exports them all
                return unit == null ? List.of() : Modules.exported(unit);
            }
        }
        return List.of();
    }
}

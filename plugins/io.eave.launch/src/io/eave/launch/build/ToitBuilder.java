package io.eave.launch.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;

import io.eave.compiler.Build;
import io.eave.compiler.CompileError;
import io.eave.compiler.Compiler;
import io.eave.toit.ToitFrontEnd;
import io.eave.toit.editor.lsp.ToitProblemMarkers;

/**
 * The Toit builder of projects with the Toit nature: on save (the workspace's automatic build,
 * when Preferences > Toit > Compiler allows it), on Project > Build and after Clean, it checks
 * every {@code .toit} file of the project with the front end and shows its errors and warnings as
 * problem markers ({@link #MARKER}: file, line, range, message, issue code), which go away when the
 * file is fixed — the markers the language client writes as you type, so a problem is listed once
 * (see {@link ToitProblemMarkers}: a file open in an editor with unsaved changes keeps the
 * client's); a file with a top-level {@code main} and no errors is compiled into the output folder
 * ({@code build/main.img} with {@code main.img.debug.json}; a program with errors loses its stale
 * image). Runs in the workspace build job, never on the UI thread. Clean removes the markers (but
 * the client's of files being edited) and the output folder's images.
 */
public final class ToitBuilder extends IncrementalProjectBuilder {

    /** The builder's id (plugin id + extension id), which the Toit nature adds to a project's build spec. */
    public static final String ID = "io.eave.launch.toitBuilder";
    /** Toit problem markers, shared with the language client (persistent: they stay until the file is built again). */
    public static final String MARKER = ToitProblemMarkers.TYPE;
    /** Marker attribute: the issue code, e.g. {@code io.eave.toit.unresolved-name}. */
    public static final String CODE = "code";

    private static final Pattern ENTRY = Pattern.compile("(?m)^main\\b");
    private static ToitFrontEnd frontEnd;

    private static synchronized ToitFrontEnd frontEnd() {
        if (frontEnd == null) {
            frontEnd = ToitFrontEnd.create();
        }
        return frontEnd;
    }

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        if (kind == AUTO_BUILD && !CompilerPreferences.buildOnSave()) {
            forgetLastBuiltState();   // the user builds by hand (Project > Build Project), which then sees every change
            return null;
        }
        SaveBuilds.building(getProject());
        IFolder output = getProject().getFolder(CompilerPreferences.outputFolder());
        if (kind != FULL_BUILD && kind != CLEAN_BUILD) {
            IResourceDelta delta = getDelta(getProject());
            if (delta != null && !touchesSource(delta, output)) {
                return null;
            }
        }
        buildAll(output, monitor);
        return null;
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        for (IMarker m : getProject().findMarkers(MARKER, false, IResource.DEPTH_INFINITE)) {
            if (!(m.getResource() instanceof IFile f) || !keepsLiveMarker(f, m)) m.delete();
        }
        IFolder output = getProject().getFolder(CompilerPreferences.outputFolder());
        if (output.exists()) {
            for (IResource r : output.members()) {
                if (r instanceof IFile f && (f.getName().endsWith(".img") || f.getName().endsWith(".img.debug.json"))) {
                    f.delete(true, monitor);
                }
            }
        }
    }

    /** Whether a .toit file outside the output folder changed. */
    private static boolean touchesSource(IResourceDelta delta, IFolder output) throws CoreException {
        boolean[] found = { false };
        delta.accept(d -> {
            IResource r = d.getResource();
            if (output.getFullPath().isPrefixOf(r.getFullPath())) {
                return false;
            }
            if (r.getType() == IResource.FILE && "toit".equals(r.getFileExtension())) {
                found[0] = true;
            }
            return !found[0];
        });
        return found[0];
    }

    private void buildAll(IFolder output, IProgressMonitor monitor) throws CoreException {
        List<IFile> sources = sources(output);
        SubMonitor progress = SubMonitor.convert(monitor, "Building " + getProject().getName(), sources.size() * 2);
        List<IFile> entries = new ArrayList<>();
        for (IFile file : sources) {
            checkCancel(progress);
            progress.subTask(file.getProjectRelativePath().toString());
            boolean errors = check(file);
            if (isEntry(file)) {
                if (errors) {
                    deleteImage(file, output);   // a stale image would run code that no longer matches the source
                } else {
                    entries.add(file);
                }
            }
            progress.worked(1);
        }
        for (IFile file : entries) {
            checkCancel(progress);
            progress.subTask("compiling " + file.getProjectRelativePath());
            compile(file, output);
            progress.worked(1);
        }
    }

    private static void deleteImage(IFile source, IFolder output) throws CoreException {
        String name = source.getName().substring(0, source.getName().length() - ".toit".length());
        for (String file : new String[] { name + ".img", name + ".img.debug.json" }) {
            IFile f = output.getFile(file);
            if (f.exists()) {
                f.delete(true, null);
            }
        }
    }

    private static void checkCancel(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    private List<IFile> sources(IFolder output) throws CoreException {
        List<IFile> files = new ArrayList<>();
        getProject().accept(r -> {
            if (r.getType() == IResource.FOLDER && (r.equals(output) || r.isDerived() || r.getName().startsWith("."))) {
                return false;
            }
            if (r instanceof IFile f && "toit".equals(f.getFileExtension()) && f.getLocation() != null) {
                files.add(f);
            }
            return true;
        });
        return files;
    }

    /** Replaces the file's markers with the front end's diagnostics; true when it has errors. */
    private static boolean check(IFile file) throws CoreException {
        Path path = file.getLocation().toFile().toPath();
        ToitFrontEnd.Result result;
        String problem = null;
        try {
            result = frontEnd().analyze(path);
        } catch (IOException | RuntimeException e) {
            result = null;
            problem = "Cannot check " + file.getName() + ": " + e.getMessage();
        }
        // open with unsaved changes: the language client's markers describe the text being edited
        boolean live = ToitProblemMarkers.liveInEditor(file);
        for (IMarker m : file.findMarkers(MARKER, false, IResource.DEPTH_ZERO)) {
            if (!keepsLiveMarker(file, m)) m.delete();
        }
        if (result == null) {
            mark(file, IMarker.SEVERITY_ERROR, problem, 1, -1, 0, "io.eave.launch.internal", ToitProblemMarkers.COMPILER);
            return true;
        }
        boolean errors = false;
        String key = path.toAbsolutePath().normalize().toString();
        for (ToitFrontEnd.Diagnostic d : result.diagnostics()) {
            if (!Path.of(d.file()).toAbsolutePath().normalize().toString().equals(key)) {
                continue;   // a problem of an imported file is marked on that file when it is checked
            }
            int severity = switch (d.severity()) {
                case ERROR -> IMarker.SEVERITY_ERROR;
                case WARNING -> IMarker.SEVERITY_WARNING;
                case INFO -> IMarker.SEVERITY_INFO;
            };
            errors |= severity == IMarker.SEVERITY_ERROR;
            if (!live) mark(file, severity, d.message(), d.line(), d.offset(), d.length(), d.code(), null);
        }
        return errors;
    }

    /** Whether {@code marker} is the language client's for a file being edited (not the builder's to replace). */
    private static boolean keepsLiveMarker(IFile file, IMarker marker) {
        return !ToitProblemMarkers.COMPILER.equals(marker.getAttribute(IMarker.SOURCE_ID, ""))
                && ToitProblemMarkers.liveInEditor(file);
    }

    /** A marker; {@code source} {@link ToitProblemMarkers#COMPILER} for what only a build finds (the client leaves those). */
    private static void mark(IFile file, int severity, String message, int line, int offset, int length, String code,
            String source) throws CoreException {
        IMarker marker = file.createMarker(MARKER);
        if (source != null) {
            marker.setAttribute(IMarker.SOURCE_ID, source);
        }
        marker.setAttribute(IMarker.SEVERITY, severity);
        marker.setAttribute(IMarker.MESSAGE, message);
        marker.setAttribute(IMarker.LINE_NUMBER, Math.max(line, 1));
        if (offset >= 0) {
            marker.setAttribute(IMarker.CHAR_START, offset);
            marker.setAttribute(IMarker.CHAR_END, offset + Math.max(length, 1));
        }
        if (code != null) {
            marker.setAttribute(CODE, code);
        }
    }

    private static boolean isEntry(IFile file) {
        try {
            return ENTRY.matcher(Files.readString(file.getLocation().toFile().toPath())).find();
        } catch (IOException e) {
            return false;
        }
    }

    /** Compiles a program into {@code output}/NAME.img and NAME.img.debug.json; a code generator error becomes a marker. */
    private static void compile(IFile file, IFolder output) throws CoreException {
        Path source = file.getLocation().toFile().toPath();
        String name = file.getName().substring(0, file.getName().length() - ".toit".length());
        try {
            Compiler.Output out = Build.compile(source);
            if (!out.ok()) {
                for (CompileError e : out.errors()) {
                    if (Path.of(e.file()).toAbsolutePath().normalize().equals(source.toAbsolutePath().normalize())) {
                        mark(file, IMarker.SEVERITY_ERROR, e.message(), e.line(), -1, 0, e.code(), ToitProblemMarkers.COMPILER);
                    }
                }
                return;
            }
            if (!output.exists()) {
                createFolder(output);
                output.setDerived(true, null);
            }
            Path folder = output.getLocation().toFile().toPath();
            Path image = folder.resolve(name + ".img");
            Files.write(image, out.image());
            out.debugInfo().write(folder.resolve(name + ".img.debug.json"));
            output.refreshLocal(IResource.DEPTH_ONE, null);
        } catch (IOException | RuntimeException | LinkageError e) {
            mark(file, IMarker.SEVERITY_ERROR, "Cannot compile " + file.getName() + ": " + e.getMessage(), 1, -1, 0,
                    "io.eave.launch.internal", ToitProblemMarkers.COMPILER);
            org.eclipse.core.runtime.ILog.of(ToitBuilder.class).log(Status.warning("compiling " + file.getFullPath() + " failed", e));
        }
    }

    private static void createFolder(IFolder folder) throws CoreException {
        if (folder.getParent() instanceof IFolder parent && !parent.exists()) {
            createFolder(parent);
        }
        folder.create(true, true, null);
    }
}

package io.eave.toit.scoping;

import io.eave.toit.ast.Class;
import io.eave.toit.ast.Import;
import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.ast.Unit;
import io.eave.toit.typing.ToitTypes;
import io.eave.toit.validation.ToitIssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

/**
 * Messages for names that do not resolve. Nothing is reported where the name may well exist: a
 * member of a value whose type is unknown (Toit is dynamically typed), a name an external or
 * missing module may provide (see {@link ExternalModules}; a missing one is reported at its
 * import), a member inherited from an unknown class. A name
 * missing from Eave's library (a subset of the Toit SDK) is a warning, not an error.
 */
public class ToitLinkingDiagnostics extends LinkingDiagnosticMessageProvider {
    @Override
    public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
        String name = context.getLinkText();
        EObject where = context.getContext();
        if (where instanceof MemberAccess access) return memberMessage(access, name);
        // `__throw__`, `__Monitor__` …: the Toit compiler's intrinsics, which its own library uses
        if (name.startsWith("__") && name.endsWith("__") && name.length() > 4) return null;
        Unit unit = EcoreUtil.getRootContainer(where) instanceof Unit u ? u : null;
        if (where instanceof TypeRef) {
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                Import imp = importWithPrefix(unit, name.substring(0, dot));
                if (prefixMayProvide(unit, name.substring(0, dot), io.eave.toit.parser.ToitNames.canonical(name.substring(dot + 1)))) return null;
                if (imp != null && Modules.isPartOfSdkModule(Modules.resolve(imp))) return notInLibrary("Eave's module '" + String.join(".", imp.getPath())
                        + "' declares no type '" + name.substring(dot + 1) + "'");
            } else if (ExternalModules.mayProvide(unit, name)) {
                return null;
            } else if (libraryImportShowing(unit, name) != null) {
                return fromLibraryModule(libraryImportShowing(unit, name), name);
            }
            return new DiagnosticMessage("Unknown type '" + name + "'", Severity.ERROR, ToitIssueCodes.UNRESOLVED_NAME);
        }
        if (ExternalModules.mayProvide(unit, name)) return null;
        Import library = libraryImportShowing(unit, name);
        if (library != null) return fromLibraryModule(library, name);
        Class enclosing = Members.enclosingClass(where);
        if (enclosing != null && Members.hasUnknownAncestor(enclosing)) return null;
        Class libraryAncestor = enclosing == null ? null : Members.libraryAncestor(enclosing);
        if (libraryAncestor != null) {
            return notInLibrary("'" + libraryAncestor.getName() + "' in Eave's library has no member '" + name + "'");
        }
        return new DiagnosticMessage("Unresolved name '" + name + "'", Severity.ERROR, ToitIssueCodes.UNRESOLVED_NAME);
    }

    private static DiagnosticMessage memberMessage(MemberAccess access, String name) {
        if (!ToitScopeProvider.receiverKnown(access)) return null;
        EObject declaration = ToitTypes.declarationOf(access.getReceiver());
        if (declaration instanceof Import imp && !ToitTypes.isParenthesized(access.getReceiver())) {
            Unit module = Modules.resolve(imp);
            Unit unit = EcoreUtil.getRootContainer(access) instanceof Unit u ? u : null;
            if (prefixMayProvide(unit, Modules.prefix(imp), io.eave.toit.parser.ToitNames.canonical(name))) return null;
            if (Modules.isPartOfSdkModule(module)) {
                return notInLibrary("Eave's module '" + String.join(".", imp.getPath()) + "' declares no '" + name + "'");
            }
        } else {
            Class type = declaration instanceof Class c && !ToitTypes.isParenthesized(access.getReceiver()) ? c
                    : ToitTypes.typeOf(access.getReceiver());
            if (type != null && Members.hasUnknownAncestor(type)) return null;
            if (type != null && Modules.isLibrary(type.eResource())) {
                return notInLibrary("'" + type.getName() + "' in Eave's library has no member '" + name + "'");
            }
        }
        return new DiagnosticMessage("No member '" + name + "' here", Severity.ERROR, ToitIssueCodes.UNRESOLVED_NAME);
    }

    private static DiagnosticMessage notInLibrary(String message) {
        return new DiagnosticMessage(message, Severity.WARNING, ToitIssueCodes.NOT_IN_LIBRARY);
    }

    /**
     * An import of one of Eave's library modules that shows {@code name} or shows all: Eave
     * declares only part of the SDK's module, so the name may be one of the rest.
     */
    private static Import libraryImportShowing(Unit unit, String name) {
        if (unit == null) return null;
        for (Import imp : unit.getImports()) {
            if ((imp.isShowAll() || imp.getShow().contains(name)) && Modules.isPartOfSdkModule(Modules.resolve(imp))) return imp;
        }
        return null;
    }

    /** Named by the import itself: warned there once; taken from `show *`: warned at each use. */
    private static DiagnosticMessage fromLibraryModule(Import imp, String name) {
        if (imp.getShow().contains(name)) return null;
        return notInLibrary("'" + name + "' is not in Eave's module '" + String.join(".", imp.getPath())
                + "' (the SDK's may have it)");
    }

    /**
     * Whether an import binding {@code prefix} may provide {@code name} unseen: its module is
     * opaque or re-exports the name from one. Several imports may share a prefix
     * ({@code import gpio} and {@code import gpio.touch as gpio}): each one counts.
     */
    private static boolean prefixMayProvide(Unit unit, String prefix, String name) {
        if (unit == null || prefix == null) return false;
        for (Import imp : unit.getImports()) {
            if (!prefix.equals(Modules.prefix(imp))) continue;
            if (ExternalModules.isOpaque(imp) || Modules.mayReExportUnknown(Modules.resolve(imp), name)) return true;
        }
        return false;
    }

    private static Import importWithPrefix(Unit unit, String prefix) {
        if (unit == null) return null;
        for (Import imp : unit.getImports()) {
            if (prefix.equals(Modules.prefix(imp))) return imp;
        }
        return null;
    }
}

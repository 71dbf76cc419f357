package io.eave.toit.scoping;

import io.eave.toit.ast.MemberAccess;
import io.eave.toit.ast.TypeRef;
import io.eave.toit.validation.ToitIssueCodes;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

/**
 * Messages for names that do not resolve. A member of a value whose type is unknown is not an
 * error (Toit is dynamically typed), so nothing is reported for it.
 */
public class ToitLinkingDiagnostics extends LinkingDiagnosticMessageProvider {
    @Override
    public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
        String name = context.getLinkText();
        if (context.getContext() instanceof MemberAccess access) {
            if (!ToitScopeProvider.receiverKnown(access)) return null;
            return new DiagnosticMessage("No member '" + name + "' here", Severity.ERROR, ToitIssueCodes.UNRESOLVED_NAME);
        }
        if (context.getContext() instanceof TypeRef) {
            return new DiagnosticMessage("Unknown type '" + name + "'", Severity.ERROR, ToitIssueCodes.UNRESOLVED_NAME);
        }
        return new DiagnosticMessage("Unresolved name '" + name + "'", Severity.ERROR, ToitIssueCodes.UNRESOLVED_NAME);
    }
}

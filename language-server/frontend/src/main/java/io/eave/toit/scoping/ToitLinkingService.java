package io.eave.toit.scoping;

import com.google.inject.Inject;
import io.eave.toit.typing.Signatures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.linking.impl.DefaultLinkingService;
import org.eclipse.xtext.linking.impl.IllegalNodeException;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.IEObjectDescription;

/** Links a name to the overload whose parameters fit the call (Toit overloads by arity and named arguments). */
public class ToitLinkingService extends DefaultLinkingService {

    @Inject
    private IQualifiedNameConverter names;

    @Override
    public List<EObject> getLinkedObjects(EObject context, EReference ref, INode node) throws IllegalNodeException {
        String text = getCrossRefNodeAsString(node);
        if (text == null || text.isEmpty()) return Collections.emptyList();
        QualifiedName name = names.toQualifiedName(text);
        List<EObject> candidates = new ArrayList<>();
        for (IEObjectDescription d : getScope(context, ref).getElements(name)) {
            EObject o = d.getEObjectOrProxy();
            if (o.eIsProxy()) o = EcoreUtil.resolve(o, context);
            if (!o.eIsProxy() && ref.getEReferenceType().isInstance(o)) candidates.add(o);
        }
        EObject chosen = Signatures.choose(candidates, context);
        return chosen == null ? Collections.emptyList() : List.of(chosen);
    }
}

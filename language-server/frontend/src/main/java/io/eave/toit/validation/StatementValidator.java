package io.eave.toit.validation;

import io.eave.toit.ast.AstPackage;
import io.eave.toit.ast.Block;
import io.eave.toit.ast.Break;
import io.eave.toit.ast.Call;
import io.eave.toit.ast.Continue;
import io.eave.toit.ast.For;
import io.eave.toit.ast.Identifier;
import io.eave.toit.ast.LocalVariable;
import io.eave.toit.ast.Parameter;
import io.eave.toit.ast.While;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;

/**
 * Rules about statements and calls the grammar accepts but Toit does not; the code generator
 * relies on them, so `eave analyze`, the editor and the compiler report the same errors.
 */
public class StatementValidator extends AbstractDeclarativeValidator {

    @Override
    protected List<EPackage> getEPackages() {
        return List.of(AstPackage.eINSTANCE);
    }

    @Override
    public void register(org.eclipse.xtext.validation.EValidatorRegistrar registrar) {
        // composed into ToitValidator, not registered on its own
    }

    /** Where a {@code break} or {@code continue} stands: in a loop, in a block with no loop around it, or neither. */
    private enum Place { LOOP, BLOCK, NONE }

    /**
     * {@code break} and {@code continue} act on the innermost loop around them, also from inside a
     * block given to a call in that loop; a lambda is a boundary (it may run after the loop is gone).
     */
    private static Place place(EObject statement) {
        boolean inBlock = false;
        for (EObject node = statement.eContainer(); node != null; node = node.eContainer()) {
            if (node instanceof While || node instanceof For) {
                return Place.LOOP;
            }
            if (node instanceof Block block) {
                if (block.isLambda()) {
                    return Place.BLOCK;
                }
                inBlock = true;
            }
            if (node instanceof io.eave.toit.ast.Declaration) {
                break;
            }
        }
        return inBlock ? Place.BLOCK : Place.NONE;
    }

    @Check
    public void breakInsideLoop(Break b) {
        if (b.getLabel() == null && place(b) != Place.LOOP) {
            error("'break' outside a loop", b, null, ToitIssueCodes.BREAK_OUTSIDE_LOOP);
        }
    }

    @Check
    public void continueInsideLoop(Continue c) {
        if (c.getLabel() != null) {
            return;
        }
        switch (place(c)) {
            case LOOP -> { }
            case BLOCK -> error("'continue' outside a loop: to end this call of the block, use 'continue.<name of the"
                    + " method the block is given to>', e.g. 'continue.do'", c, null, ToitIssueCodes.CONTINUE_OUTSIDE_LOOP);
            case NONE -> error("'continue' outside a loop", c, null, ToitIssueCodes.CONTINUE_OUTSIDE_LOOP);
        }
    }

    /** {@code x 3} where {@code x} is a local or a parameter: a variable is called with {@code .call}. */
    @Check
    public void callOfAVariable(Call call) {
        if (call.getArguments().isEmpty() || !(call.getTarget() instanceof Identifier id)) {
            return;
        }
        Object declaration = id.eGet(AstPackage.Literals.IDENTIFIER__DECLARATION, false);
        if (declaration instanceof EObject target && !target.eIsProxy()
                && (target instanceof LocalVariable || target instanceof Parameter)) {
            String name = target instanceof LocalVariable local ? local.getName() : ((Parameter) target).getName();
            error("'" + name + "' is a variable: call a block or lambda with '" + name + ".call'", id,
                    AstPackage.Literals.IDENTIFIER__DECLARATION, ToitIssueCodes.CALL_OF_VARIABLE);
        }
    }
}

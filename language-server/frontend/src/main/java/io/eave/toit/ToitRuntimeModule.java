package io.eave.toit;

import com.google.inject.Binder;
import io.eave.toit.parser.ToitParser;
import io.eave.toit.parser.ToitResource;
import org.eclipse.xtext.resource.XtextResource;
import io.eave.toit.parser.ToitSyntaxErrorMessages;
import io.eave.toit.validation.ToitValidator;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import io.eave.toit.scoping.ToitLinkingDiagnostics;
import io.eave.toit.scoping.ToitLinker;
import io.eave.toit.scoping.ToitLinkingService;
import org.eclipse.xtext.linking.ILinker;
import io.eave.toit.scoping.ToitScopeProvider;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.linking.ILinkingService;
import org.eclipse.xtext.scoping.IScopeProvider;
import io.eave.toit.parser.ToitValueConverters;
import io.eave.toit.services.NoSerializer;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.parser.IParser;

/** The Toit language's bindings on top of the generated defaults: only what we replace. */
public class ToitRuntimeModule extends AbstractToitRuntimeModule {

    @Override
    public void configure(Binder binder) {
        super.configure(binder);
        // registers itself with the EMF validator registry when created
        binder.bind(ToitValidator.class).asEagerSingleton();
    }

    public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
        return ToitSyntaxErrorMessages.class;
    }

    @Override
    public Class<? extends XtextResource> bindXtextResource() {
        return ToitResource.class;
    }

    @Override
    public Class<? extends IParser> bindIParser() {
        return ToitParser.class;
    }

    @Override
    public Class<? extends IScopeProvider> bindIScopeProvider() {
        return ToitScopeProvider.class;
    }

    @Override
    public Class<? extends ILinkingService> bindILinkingService() {
        return ToitLinkingService.class;
    }

    @Override
    public Class<? extends ILinker> bindILinker() {
        return ToitLinker.class;
    }

    public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
        return ToitLinkingDiagnostics.class;
    }

    @Override
    public Class<? extends ISerializer> bindISerializer() {
        return NoSerializer.class;
    }

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return ToitValueConverters.class;
    }
}

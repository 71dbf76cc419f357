package io.eave.toit;

import io.eave.toit.parser.ToitParser;
import io.eave.toit.parser.ToitValueConverters;
import io.eave.toit.services.NoSerializer;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.parser.IParser;

/** The Toit language's bindings on top of the generated defaults: only what we replace. */
public class ToitRuntimeModule extends AbstractToitRuntimeModule {

    @Override
    public Class<? extends IParser> bindIParser() {
        return ToitParser.class;
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

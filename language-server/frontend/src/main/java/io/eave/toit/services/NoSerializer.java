package io.eave.toit.services;

import java.io.IOException;
import java.io.Writer;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.util.ReplaceRegion;

/**
 * Toit trees are never written back as text (the serializer is not generated, which keeps the
 * build short): any attempt fails loudly instead of writing something wrong.
 */
public class NoSerializer implements ISerializer {
    @Override
    public String serialize(EObject obj) {
        throw new UnsupportedOperationException("Toit trees are not serialized");
    }

    @Override
    public String serialize(EObject obj, SaveOptions options) {
        return serialize(obj);
    }

    @Override
    public void serialize(EObject obj, Writer writer, SaveOptions options) throws IOException {
        serialize(obj);
    }

    @Override
    public ReplaceRegion serializeReplacement(EObject obj, SaveOptions options) {
        return new ReplaceRegion(0, 0, serialize(obj));
    }
}

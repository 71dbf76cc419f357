package io.eave.compiler.image;

/** A program image that does not follow docs/program-image.md; the message says where and what. */
public final class ImageFormatException extends Exception {
    public ImageFormatException(String message) {
        super(message);
    }
}

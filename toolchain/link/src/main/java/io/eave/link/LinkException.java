package io.eave.link;

/**
 * A link failure, with a message that says what went wrong and what to do about it. The
 * subclasses let callers react: {@link AuthenticationException}, {@link LinkTimeoutException}.
 */
public class LinkException extends Exception {

    private static final long serialVersionUID = 1L;

    public LinkException(String message) {
        super(message);
    }

    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.eave.link;

/** The device refused this host: a wrong or missing secret, or a message sent before authenticating. */
public final class AuthenticationException extends LinkException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}

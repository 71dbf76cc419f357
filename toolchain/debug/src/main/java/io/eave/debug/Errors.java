package io.eave.debug;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** Errors as the DAP client shows them: one message saying what went wrong and what to do. */
final class Errors {
    private Errors() {
    }

    static ResponseErrorException user(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, message, null));
    }

    static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    /** A failure as a DAP error response: its own message, never a stack trace. */
    static ResponseErrorException toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ResponseErrorException e) {
            return e;
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        return user(message);
    }

    static String message(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ResponseErrorException e) {
            return e.getResponseError().getMessage();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}

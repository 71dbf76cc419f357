package io.eave.toit.parser;

/**
 * A problem found while scanning or laying out the tokens: reported by the validator with its
 * issue code (one of {@link io.eave.toit.validation.ToitIssueCodes}).
 */
public record LexicalIssue(String code, boolean error, int offset, int length, String message) {
}

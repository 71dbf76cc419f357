package io.eave.toit.validation;

/** Every issue the front end reports, by code. Tests and quick fixes match on these. */
public final class ToitIssueCodes {
    private ToitIssueCodes() {
    }

    private static final String PREFIX = "io.eave.toit.";

    // ---- lexical -----------------------------------------------------------------------
    /** A character that may not appear outside strings and comments. */
    public static final String ILLEGAL_CHARACTER = PREFIX + "illegal-character";
    /** {@code !}, {@code &&}, {@code ||}, {@code is!}: write {@code not}, {@code and}, {@code or}, {@code is not}. */
    public static final String OLD_OPERATOR = PREFIX + "old-operator";
    /** A tab in the leading whitespace of a line. */
    public static final String TAB_INDENTATION = PREFIX + "tab-indentation";
    public static final String MALFORMED_NUMBER = PREFIX + "malformed-number";
    public static final String UNTERMINATED_STRING = PREFIX + "unterminated-string";
    public static final String UNTERMINATED_CHARACTER = PREFIX + "unterminated-character";
    public static final String UNTERMINATED_COMMENT = PREFIX + "unterminated-comment";
    /** A backslash sequence that is not one of Toit's escapes. */
    public static final String BAD_ESCAPE = PREFIX + "bad-escape";
    /** {@code ''} or {@code 'ab'}: a character literal must hold exactly one character. */
    public static final String MALFORMED_CHARACTER = PREFIX + "malformed-character";
    /** Something other than a name or {@code (} after {@code $} in a string. */
    public static final String BAD_INTERPOLATION = PREFIX + "bad-interpolation";
    public static final String MALFORMED_FORMAT = PREFIX + "malformed-format";
    /** Warning: {@code foo(x)}; the parenthesis only groups, write {@code foo (x)}. */
    public static final String ATTACHED_PARENTHESIS = PREFIX + "attached-parenthesis";
    /** Warning: {@code a-b}-like spacing around a binary minus. */
    public static final String BINARY_MINUS_SPACING = PREFIX + "binary-minus-spacing";
    /** A minus attached to a hexadecimal or binary literal. */
    public static final String NEGATED_HEX_LITERAL = PREFIX + "negated-hex-literal";
    public static final String NUMBER_OUT_OF_RANGE = PREFIX + "number-out-of-range";

    // ---- layout and syntax -------------------------------------------------------------
    /** What the parser could not make sense of. */
    public static final String SYNTAX_ERROR = PREFIX + "syntax-error";
    /** A closing bracket that closes nothing. */
    public static final String UNBALANCED_BRACKET = PREFIX + "unbalanced-bracket";
    /** Lines of one body (or continuation arguments) at different indentations. */
    public static final String INCONSISTENT_INDENTATION = PREFIX + "inconsistent-indentation";
    /** An import or export after the first declaration. */
    public static final String IMPORT_AFTER_DECLARATION = PREFIX + "import-after-declaration";
    /** Prefix {@code --x}: the prefix decrement no longer exists. */
    public static final String PREFIX_DECREMENT = PREFIX + "prefix-decrement";
    public static final String TWO_RETURN_TYPES = PREFIX + "two-return-types";

    // ---- names -------------------------------------------------------------------------
    public static final String UNRESOLVED_NAME = PREFIX + "unresolved-name";
    public static final String UNRESOLVED_IMPORT = PREFIX + "unresolved-import";
    /** A warning: a member, or a parameter, the Toit SDK may have that Eave's library does not declare. */
    public static final String NOT_IN_LIBRARY = PREFIX + "not-in-library";
    public static final String DUPLICATE_DECLARATION = PREFIX + "duplicate-declaration";
    /** {@code this}, {@code super}, {@code constructor} or {@code _} used as a declared name. */
    public static final String RESERVED_NAME = PREFIX + "reserved-name";

    // ---- calls and bodies --------------------------------------------------------------
    /** No overload takes that many positional arguments (or blocks). */
    public static final String WRONG_ARGUMENT_COUNT = PREFIX + "wrong-argument-count";
    public static final String UNKNOWN_NAMED_ARGUMENT = PREFIX + "unknown-named-argument";
    public static final String MISSING_NAMED_ARGUMENT = PREFIX + "missing-named-argument";
    /** {@code return x} in a method declared {@code -> none}. */
    public static final String RETURN_VALUE_FROM_NONE = PREFIX + "return-value-from-none";
    /** {@code break.label}: labelled break is not supported. */
    public static final String LABELLED_BREAK = PREFIX + "labelled-break";
    /** A method without {@code :} body (outside interfaces and abstract declarations), or an abstract one with a body. */
    public static final String MISSING_BODY = PREFIX + "missing-body";
    /** A global without {@code :=} or {@code ::=}. */
    public static final String MISSING_INITIALIZER = PREFIX + "missing-initializer";
    /** A positional parameter without a default after one with a default; a block with a default. */
    public static final String PARAMETER_ORDER = PREFIX + "parameter-order";
    /** A lambda with more than four parameters. */
    public static final String TOO_MANY_PARAMETERS = PREFIX + "too-many-parameters";
    /** An abstract interface or monitor; mixins without extends. */
    public static final String BAD_CLASS_HEADER = PREFIX + "bad-class-header";
    /** An abstract method in a class that is not abstract. */
    public static final String ABSTRACT_MEMBER_IN_CONCRETE_CLASS = PREFIX + "abstract-member-in-concrete-class";
    /** {@code f (x = 1)}: plain assignment only as a statement or initializer. */
    public static final String MISPLACED_ASSIGNMENT = PREFIX + "misplaced-assignment";

    // ---- statements --------------------------------------------------------------------
    /** {@code break} with no loop around it (a block in a loop is fine; a lambda is not). */
    public static final String BREAK_OUTSIDE_LOOP = PREFIX + "break-outside-loop";
    /** {@code continue} with no loop around it; inside a block, {@code continue.label} ends the block's call. */
    public static final String CONTINUE_OUTSIDE_LOOP = PREFIX + "continue-outside-loop";
    /** {@code x 3} where {@code x} is a local or parameter: blocks and lambdas are called with {@code .call}. */
    public static final String CALL_OF_VARIABLE = PREFIX + "call-variable";
}

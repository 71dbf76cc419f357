package io.eave.toit.parser;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.impl.AbstractDeclarativeValueConverterService;
import org.eclipse.xtext.conversion.impl.AbstractToStringConverter;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Values of Toit's terminals. Lenient by design: a literal the reference rejects still gets a
 * value, and the validator reports it with a precise range and an issue code.
 */
public class ToitValueConverters extends AbstractDeclarativeValueConverterService {

    /** Names are canonical: {@code foo_bar} and {@code foo-bar} are the same name. */
    @ValueConverter(rule = "ID")
    public IValueConverter<String> id() {
        return converter(ToitNames::canonical);
    }

    @ValueConverter(rule = "TypeName")
    public IValueConverter<String> typeName() {
        return converter(s -> Arrays.stream(s.split("\\.")).map(p -> ToitNames.canonical(p.strip()))
                .collect(Collectors.joining(".")));
    }

    @ValueConverter(rule = "INT")
    public IValueConverter<Long> integer() {
        return new AbstractToStringConverter<Long>() {
            @Override
            protected Long internalToValue(String string, INode node) {
                return intValue(string);
            }
        };
    }

    /** The value of an integer literal; hex and binary may use all 64 bits; out of range gives its low bits. */
    public static long intValue(String text) {
        BigInteger value = bigValue(text);
        return value == null ? 0 : value.longValue();
    }

    /** The exact value of an integer literal, or null if it has no digits. */
    public static BigInteger bigValue(String text) {
        String digits = text.replace("_", "");
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
            radix = 2;
            digits = digits.substring(2);
        }
        try {
            return new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @ValueConverter(rule = "FLOAT")
    public IValueConverter<Double> floating() {
        return new AbstractToStringConverter<Double>() {
            @Override
            protected Double internalToValue(String string, INode node) {
                String text = string.replace("_", "");
                try {
                    // Java reads hexadecimal floats ("0x1.8p3") itself
                    return Double.valueOf(text);
                } catch (NumberFormatException e) {
                    return 0.0;
                }
            }
        };
    }

    @ValueConverter(rule = "CHAR")
    public IValueConverter<Integer> character() {
        return new AbstractToStringConverter<Integer>() {
            @Override
            protected Integer internalToValue(String string, INode node) {
                return Math.max(0, ToitStrings.charValue(string));
            }
        };
    }

    @ValueConverter(rule = "STRING")
    public IValueConverter<String> string() {
        return converter(ToitStrings::stringValue);
    }

    // Interpolated strings keep their raw pieces: ToitStrings.templateTexts decodes them together.
    @ValueConverter(rule = "STRING_START")
    public IValueConverter<String> stringStart() {
        return converter(s -> s);
    }

    @ValueConverter(rule = "STRING_MIDDLE")
    public IValueConverter<String> stringMiddle() {
        return converter(s -> s);
    }

    @ValueConverter(rule = "STRING_END")
    public IValueConverter<String> stringEnd() {
        return converter(s -> s);
    }

    @ValueConverter(rule = "FORMAT")
    public IValueConverter<String> format() {
        return converter(s -> s.substring(1));   // without the '%'
    }

    @ValueConverter(rule = "NEG")
    public IValueConverter<String> neg() {
        return converter(s -> "-");
    }

    @ValueConverter(rule = "POSTFIX_INC")
    public IValueConverter<String> postfixIncrement() {
        return converter(s -> "++");
    }

    @ValueConverter(rule = "POSTFIX_DEC")
    public IValueConverter<String> postfixDecrement() {
        return converter(s -> "--");
    }

    @ValueConverter(rule = "OperatorName")
    public IValueConverter<String> operatorName() {
        return converter(s -> s.replaceAll("\\s+", ""));
    }

    @ValueConverter(rule = "ImportDots")
    public IValueConverter<String> importDots() {
        return converter(s -> s.replaceAll("[^.]", ""));
    }

    @ValueConverter(rule = "AssignmentOperator")
    public IValueConverter<String> assignmentOperator() {
        return converter(String::strip);
    }

    private static IValueConverter<String> converter(java.util.function.Function<String, String> toValue) {
        return new AbstractToStringConverter<String>() {
            @Override
            protected String internalToValue(String string, INode node) {
                return toValue.apply(string);
            }
        };
    }
}

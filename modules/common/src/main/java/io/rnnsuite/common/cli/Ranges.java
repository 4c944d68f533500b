package io.rnnsuite.common.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Range-checked converters for count-like and fractional options, so that a value out of range is
 * refused while the command line is parsed, before anything loads or trains: one line
 * {@code error: Invalid value for option '--threads': ...} and exit code 2 (through
 * {@link CliErrors}). Use them as {@code @Option(names = "--epochs", converter = Ranges.AtLeastOne.class)}.
 */
public final class Ranges {

    private Ranges() {
    }

    /** A whole number of at least 1 (epochs, hidden units, layers, beam width, lengths). */
    public static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = parseInt(value);
            if (n < 1) {
                throw new TypeConversionException("'" + value + "' is not a count of at least 1");
            }
            return n;
        }
    }

    /** A whole number of 0 or more (0 usually meaning "automatic", "all" or "leave as is", as the help says). */
    public static final class ZeroOrMore implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = parseInt(value);
            if (n < 0) {
                throw new TypeConversionException("'" + value + "' is negative: expected 0 or a positive count");
            }
            return n;
        }
    }

    /** A finite number above 0 (learning rate, temperature). */
    public static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double x = parseDouble(value);
            if (!(x > 0)) {
                throw new TypeConversionException("'" + value + "' is not a number above 0");
            }
            return x;
        }
    }

    /** A finite number of 0 or more (clip norm, length penalty, seconds). */
    public static final class ZeroOrMoreNumber implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double x = parseDouble(value);
            if (!(x >= 0)) {
                throw new TypeConversionException("'" + value + "' is negative: expected 0 or a positive number");
            }
            return x;
        }
    }

    /** A share in [0, 1) (dropout, held-out fractions). */
    public static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double x = parseDouble(value);
            if (!(x >= 0 && x < 1)) {
                throw new TypeConversionException("'" + value + "' is not a fraction in [0, 1)");
            }
            return x;
        }
    }

    static int parseInt(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    static double parseDouble(String value) {
        double x;
        try {
            x = Double.parseDouble(value.trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new TypeConversionException("'" + value + "' is not a finite number");
        }
        return x;
    }
}

package org.iclscale.cli;

import org.iclscale.core.Depth;
import org.iclscale.core.Gamma;
import org.iclscale.core.Inputs;
import org.iclscale.core.Setting;
import org.iclscale.io.OutputFormat;
import picocli.CommandLine.ITypeConverter;

/**
 * picocli converters for the shared options. Each throws {@link org.iclscale.core.InvalidInputException},
 * whose message (option, value, valid range) becomes the one-line error of exit code 2.
 */
public final class Converters {

    private Converters() {
    }

    public static final class SettingConverter implements ITypeConverter<Setting> {
        @Override
        public Setting convert(String value) {
            return Setting.parse(value);
        }
    }

    public static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }

    public static final class DepthConverter implements ITypeConverter<Depth> {
        @Override
        public Depth convert(String value) {
            return Depth.parse(value);
        }
    }

    /**
     * A converter that can also take a range's number instead of its label: {@code fromNumber(x, label)} is
     * {@code convert(label)} whenever Double.parseDouble reads x from a label of the number grammar
     * ({@link org.iclscale.core.ParameterGrid.Range}), without parsing it (issue 17 goal 2).
     */
    interface FromNumber<T> extends ITypeConverter<T> {
        T fromNumber(double x, String label) throws Exception;
    }

    public static final class GammaConverter implements FromNumber<Gamma> {
        @Override
        public Gamma convert(String value) {
            return Gamma.parse(value);
        }

        /** Gamma.parse reads a label of the number grammar as Gamma.of(x), x ≥ 0; any other x fails there. */
        @Override
        public Gamma fromNumber(double x, String label) {
            return x >= 0 && Double.isFinite(x) ? Gamma.of(x) : convert(label);
        }
    }

    /** α = P/D: a number > 0, or inf. */
    public static final class AlphaConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Inputs.positive("--alpha", value, true);
        }
    }

    /**
     * The parameter of an error raised by a converter that is registered for a type, not for one option
     * ({@link Main#configure}): {@link Failure#ofParameter} puts the option's name in its place.
     */
    public static final String THIS_OPTION = "(this option)";

    /**
     * Every {@code double} option without its own converter, in the one number grammar of {@link Inputs}
     * (issue 18: picocli's default read {@code 1d} and {@code 0x1p3}, and a 5,000-digit number as Infinity, which
     * {@code --time-limit} then echoed); the option's own range check follows.
     */
    public static final class NumberConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Inputs.parseDouble(THIS_OPTION, value, "a finite number such as 2, -0.5 or 1e-3");
        }
    }

    /** Every {@code int} option without its own converter: an integer (also as {@code 1e3}) in the int range. */
    public static final class IntegerConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Inputs.integer(THIS_OPTION, value, Integer.MIN_VALUE, Integer.MAX_VALUE,
                    "an integer in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]");
        }
    }

    /** Every {@code long} option without its own converter: a 64-bit integer. */
    public static final class LongConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Inputs.longInteger(THIS_OPTION, value, Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer");
        }
    }

    /** σ ≥ 0. */
    public static final class SigmaConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Inputs.nonNegative("--sigma", value);
        }
    }
}

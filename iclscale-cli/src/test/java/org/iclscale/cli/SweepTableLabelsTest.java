package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SweepTable#labelValues}, which takes a γ label's number from its converted {@link org.iclscale.core.Gamma}
 * instead of parsing the label again, gives exactly {@link SweepTable#fromLabel} of every label (same class, same
 * value), and {@link SweepTable#integer} is the former {@code -?\d{1,18}}; γ converted from a range's numbers
 * ({@link Converters.GammaConverter#fromNumber}) is Gamma.parse of each label.
 */
class SweepTableLabelsTest {

    @Test
    void labelValuesAreFromLabel() {
        StringBuilder randomList = new StringBuilder("0.1");
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            double v = rng.nextDouble() * Math.pow(10, rng.nextInt(-12, 16));
            randomList.append(',').append(i % 3 == 0 ? Double.toString(v) : i % 3 == 1 ? String.format(java.util.Locale.ROOT, "%.6e", v)
                    : Long.toString((long) v));
        }
        List<List<String>> sweeps = List.of(
                List.of("--alpha", "0.5", "--depth", "4", "--gamma", "0.5:5.4:lin:5000"),
                List.of("--alpha", "0.5", "--depth", "4", "--gamma", "1e-3:1e3:log:3001"),
                List.of("--alpha", "0.5,2", "--depth", "4", "--gamma", "0.50,1e-1,3,.25,2.,0003,1E2,+1.5,12345678901234567890,opt"),
                List.of("--alpha", "0.5", "--depth", "inf", "--gamma", "inf,2"),
                List.of("--alpha", "0.5", "--depth", "4", "--gamma", randomList.toString()));
        for (List<String> args : sweeps) {
            SweepPlan plan = SweepPlan.of("risk", args, Set.of());
            // the γ values converted from a range's numbers are Gamma.parse of the labels
            org.iclscale.sweep.Axis gamma = plan.grid().axes().get(plan.grid().axes().size() - 1);
            for (int j = 0; j < gamma.size(); j++) {
                assertEquals(org.iclscale.core.Gamma.parse(gamma.labels().get(j)), gamma.values().get(j), gamma.labels().get(j));
            }
            Object[][] values = SweepTable.labelValues(plan);
            for (int k = 0; k < values.length; k++) {
                List<String> labels = plan.grid().axes().get(k).labels();
                for (int j = 0; j < labels.size(); j++) {
                    Object expected = SweepTable.fromLabel(labels.get(j));
                    assertEquals(expected, values[k][j], labels.get(j));
                    assertEquals(expected.getClass(), values[k][j].getClass(), labels.get(j));
                }
            }
        }
    }

    @Test
    void integerIsTheFormerExpression() {
        java.util.regex.Pattern former = java.util.regex.Pattern.compile("-?\\d{1,18}");
        SplittableRandom rng = new SplittableRandom(6);
        char[] alphabet = "-0123456789/:.e \u0663".toCharArray();
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = rng.nextInt(22); j > 0; j--) {
                sb.append(alphabet[rng.nextInt(alphabet.length)]);
            }
            String s = i % 2 == 0 ? sb.toString() : sb.toString().replaceAll("[^0-9]", "");
            assertEquals(former.matcher(s).matches(), SweepTable.integer(s), "'" + s + "'");
            assertEquals(former.matcher("-" + s).matches(), SweepTable.integer("-" + s), "'-" + s + "'");
        }
    }
}

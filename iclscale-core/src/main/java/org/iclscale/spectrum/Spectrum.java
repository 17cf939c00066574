package org.iclscale.spectrum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclscale.core.InvalidInputException;

/**
 * A structured spectrum: eigenvalues λ_k of the input covariance Λ (descending), task variances ω_k = Ω_kk,
 * and the loss weights p_k = λ_kω_k (the loss at Γ = 0 is Σ_k p_k).
 *
 * <p>Default power law (design.md): λ_k = k^{−ν}, p_k = k^{−νβ−1}/Σ_j j^{−νβ−1} (so Σ p_k = 1),
 * ω_k = p_k/λ_k; ν > 1 is the capacity and β > 0 the source exponent.
 */
public final class Spectrum {

    private final double[] lambda;
    private final double[] omega;
    private final double[] p;
    private final String description;

    private Spectrum(double[] lambda, double[] omega, String description) {
        this.lambda = lambda;
        this.omega = omega;
        this.p = new double[lambda.length];
        for (int k = 0; k < lambda.length; k++) {
            p[k] = lambda[k] * omega[k];
        }
        this.description = description;
    }

    /** λ_k = k^{−ν}, p_k ∝ k^{−νβ−1} normalised to Σ p_k = 1, k = 1..D. */
    public static Spectrum powerLaw(double nu, double beta, int dim) {
        if (!(nu > 1) || !Double.isFinite(nu)) {
            throw new InvalidInputException("nu", nu, "a finite number > 1");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new InvalidInputException("beta", beta, "a finite number > 0");
        }
        if (dim < 1) {
            throw new InvalidInputException("dim", dim, "an integer >= 1");
        }
        double[] lambda = new double[dim];
        double[] weight = new double[dim];
        double total = 0;
        // sum from the smallest terms up for accuracy at large D
        for (int k = dim; k >= 1; k--) {
            weight[k - 1] = Math.pow(k, -nu * beta - 1);
            lambda[k - 1] = Math.pow(k, -nu);
            total += weight[k - 1];
        }
        double[] omega = new double[dim];
        for (int k = 0; k < dim; k++) {
            omega[k] = weight[k] / total / lambda[k];
        }
        return new Spectrum(lambda, omega, "power law nu=" + nu + ", beta=" + beta + ", D=" + dim);
    }

    /** Explicit eigenvalues and task variances (validated: same length, positive, finite). */
    public static Spectrum of(double[] lambda, double[] omega, String description) {
        if (lambda.length == 0 || lambda.length != omega.length) {
            throw new InvalidInputException("spectrum", "needs equally many lambda and omega values, at least one");
        }
        for (int k = 0; k < lambda.length; k++) {
            if (!(lambda[k] > 0) || !Double.isFinite(lambda[k])) {
                throw new InvalidInputException("spectrum", "lambda[" + (k + 1) + "] = " + lambda[k] + " must be finite and > 0");
            }
            if (!(omega[k] >= 0) || !Double.isFinite(omega[k])) {
                throw new InvalidInputException("spectrum", "omega[" + (k + 1) + "] = " + omega[k] + " must be finite and >= 0");
            }
        }
        return new Spectrum(lambda.clone(), omega.clone(), description);
    }

    /**
     * Reads a CSV with header {@code lambda,omega} (one mode per line; blank lines and lines starting with
     * {@code #} ignored). Errors name the file and line.
     */
    public static Spectrum fromCsv(Path file) {
        List<String> lines = readBounded(file);
        List<double[]> rows = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*");
            if (!header) {
                if (cells.length != 2 || !cells[0].equalsIgnoreCase("lambda") || !cells[1].equalsIgnoreCase("omega")) {
                    throw new InvalidInputException("spectrum", file + " line " + (i + 1)
                            + ": expected the header 'lambda,omega', found '" + org.iclscale.core.Inputs.excerpt(line) + "'");
                }
                header = true;
                continue;
            }
            if (cells.length != 2) {
                throw new InvalidInputException("spectrum", file + " line " + (i + 1) + ": expected 2 values, found "
                        + cells.length);
            }
            double[] row = new double[2];
            for (int j = 0; j < 2; j++) {
                try {
                    if (!org.iclscale.core.Inputs.isNumber(cells[j])) {
                        throw new NumberFormatException(cells[j]);
                    }
                    row[j] = Double.parseDouble(cells[j]);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("spectrum", file + " line " + (i + 1) + ": '"
                            + org.iclscale.core.Inputs.excerpt(cells[j]) + "' is not a number");
                }
                boolean ok = Double.isFinite(row[j]) && (j == 0 ? row[j] > 0 : row[j] >= 0);
                if (!ok) {
                    throw new InvalidInputException("spectrum", file + " line " + (i + 1) + ": "
                            + (j == 0 ? "lambda" : "omega") + " = " + org.iclscale.core.Inputs.excerpt(cells[j]) + " must be finite and "
                            + (j == 0 ? "> 0" : ">= 0"));
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("spectrum", file + " has no data lines (expected header 'lambda,omega' then values)");
        }
        // keep the descending order convention for λ
        rows.sort((a, b) -> Double.compare(b[0], a[0]));
        double[] lambda = new double[rows.size()];
        double[] omega = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            lambda[k] = rows.get(k)[0];
            omega[k] = rows.get(k)[1];
        }
        return new Spectrum(lambda, omega, "file " + file.getFileName() + " (" + lambda.length + " modes)");
    }

    /** Longest line of a spectrum file (characters) and most lines: bounded reading (issue 18: /dev/zero). */
    static final int MAX_LINE = 1000;
    static final int MAX_LINES = 100_000_000;

    /** The file's lines, refusing a line longer than {@value #MAX_LINE} or more than {@value #MAX_LINES} lines. */
    private static List<String> readBounded(Path file) {
        List<String> lines = new ArrayList<>();
        try (java.io.Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = r.read()) >= 0) {
                if (c == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                    if (lines.size() > MAX_LINES) {
                        throw new InvalidInputException("spectrum", file + " has more than " + MAX_LINES
                                + " lines (expected one mode per line, at most " + MAX_LINES + " modes)");
                    }
                } else if (c != '\r') {
                    line.append((char) c);
                    if (line.length() > MAX_LINE) {
                        throw new InvalidInputException("spectrum", file + " line " + (lines.size() + 1) + " is longer than "
                                + MAX_LINE + " characters (expected 'lambda,omega' values)");
                    }
                }
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidInputException("spectrum", file + " is not UTF-8 text (expected a CSV file)");
        } catch (IOException e) {
            throw new InvalidInputException("spectrum", "cannot read " + file + " (" + e.getMessage() + ")");
        }
        return lines;
    }

    public int dim() {
        return lambda.length;
    }

    /** λ_k, descending (a copy). */
    public double[] lambda() {
        return lambda.clone();
    }

    /** ω_k (a copy). */
    public double[] omega() {
        return omega.clone();
    }

    /** p_k = λ_kω_k (a copy). */
    public double[] weights() {
        return p.clone();
    }

    /** Direct access for hot loops (must not be modified). */
    public double lambdaAt(int k) {
        return lambda[k];
    }

    public double omegaAt(int k) {
        return omega[k];
    }

    public double weightAt(int k) {
        return p[k];
    }

    public double maxLambda() {
        double m = 0;
        for (double l : lambda) {
            m = Math.max(m, l);
        }
        return m;
    }

    public String description() {
        return description;
    }
}

package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Named regressions of issue 18 (each failed on the main of the issue): one bad-input rule for every option, one
 * bounded stderr line, valid JSON from every verb, bounded reading of user files.
 */
class HardeningRegressionTest {

    private static void badInput(CliHarness.Run r, String option) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(option + ":"), r.err());
        assertTrue(!r.err().contains("internal error") && !r.err().contains("Exception"), r.err());
    }

    /** Java's own literal forms were read as numbers: 1d, 2f, 0x1p3 (= 8), a full-width digit. */
    @ParameterizedTest
    @ValueSource(strings = {"--alpha=1d", "--alpha=0x1p3", "--gamma=2f", "--depth=\uff14", "--sigma=NaN", "--alpha=-inf"})
    void lenientNumbersAreRefused(String arg) {
        String[] kv = arg.split("=", 2);
        String[] args = kv[0].equals("--gamma") ? new String[] {"risk", kv[0], kv[1]}
                : new String[] {"risk", "--gamma", "1", kv[0], kv[1]};
        badInput(CliHarness.run(args), kv[0]);
    }

    @Test
    void integerOptionsTakeExponentNotation() {
        CliHarness.Run r = CliHarness.run("risk", "--alpha", "2", "--depth", "1e3", "--gamma", "1.3", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1000, r.json().get("depth").asInt());
    }

    /** Trailing and leading commas were accepted (--times 1, ; --layer-gammas 1,2, ; --modes 1,2,). */
    @Test
    void emptyListEntriesAreRefused() {
        badInput(CliHarness.run("dynamics", "--alpha", "1", "--times", "1,"), "--times");
        badInput(CliHarness.run("dynamics", "--alpha", "1", "--times", ",1"), "--times");
        badInput(CliHarness.run("risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "8",
                "--layer-gammas", "1,2,"), "--layer-gammas");
        badInput(CliHarness.run("dynamics", "--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--dim", "8",
                "--depth", "inf", "--times", "1", "--modes", "1,2,"), "--modes");
    }

    @Test
    void rangesWorkWhereverListsDo() {
        CliHarness.Run r = CliHarness.run("dynamics", "--alpha", "1", "--depth", "4", "--times", "1:1e3:log:4", "--format",
                "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(4, r.json().get("time").size());
        assertEquals(1000.0, r.json().get("time").get(3).asDouble(), 1e-9);
    }

    /** tour --format json printed several JSON documents one after another. */
    @Test
    void tourJsonIsOneDocument(@TempDir Path dir) {
        CliHarness.Run r = CliHarness.run("tour", "--out", dir.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.json().get("sections").isArray() && r.json().get("sections").size() >= 4, r.out());
        assertTrue(r.json().get("summary").get(0).get("files").isArray(), r.out());
    }

    /** An error message repeated the whole input: the process environment, a 10 MB CSV cell. */
    @Test
    void errorMessagesQuoteShortExcerpts(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.csv");
        Files.writeString(big, "lambda,omega\n1," + "9".repeat(900) + "x\n");
        CliHarness.Run r = CliHarness.run("risk", "--setting", "rrs", "--spectrum", big.toString(), "--gamma", "1");
        badInput(r, "--spectrum");
        assertTrue(r.err().length() < 300, r.err().length() + " characters: " + r.err());
        Path environ = Path.of("/proc/self/environ");
        if (Files.isReadable(environ)) {
            CliHarness.Run e = CliHarness.run("risk", "--setting", "rrs", "--spectrum", environ.toString(), "--gamma", "1");
            badInput(e, "--spectrum");
            assertTrue(e.err().length() < 300, e.err());
        }
    }

    /** A spectrum file from /dev/zero ran out of memory. */
    @Test
    void endlessSpectrumFilesAreRefusedInBoundedTime() {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            return;
        }
        CliHarness.Run r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> CliHarness.run("risk", "--setting", "rrs", "--spectrum", zero.toString(), "--gamma", "1"));
        badInput(r, "--spectrum");
    }

    /** simulate --alpha 1e308: NegativeArraySizeException (an overflowing context size). */
    @Test
    void derivedSizesAreValidated() {
        badInput(CliHarness.run("simulate", "--alpha", "1e308", "--dim", "8", "--gamma", "1", "--trials", "10"), "--alpha");
        badInput(CliHarness.run("simulate", "--alpha", "0.001", "--dim", "64", "--gamma", "1", "--trials", "10"),
                "--alpha");
    }
}

package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * design.md: numeric verbs must not pay Symja's start-up. Runs every numeric verb in a fresh JVM with
 * {@code -verbose:class} and checks that no {@code org.matheclipse} class was loaded. A positive control
 * (a JVM that does load a Symja class) shows the check can fail.
 */
class SymjaNotLoadedTest {

    /** Runs the numeric verbs one after the other in this (forked) JVM. */
    public static void main(String[] args) {
        String[][] commands = {
            {"risk", "--alpha", "1", "--depth", "4", "--gamma", "2", "--format", "json"},
            {"risk", "--alpha", "0.5", "--depth", "3", "--gamma", "opt", "--sigma", "0.5"},
            {"optimum", "--alpha", "2", "--depth", "8", "--format", "json"},
            {"optimum", "--alpha", "1", "--depth", "inf", "--sigma", "0.5", "--format", "csv"},
            {"landscape", "--alpha", "1", "--depth", "64", "--points", "200"},
            {"dynamics", "--alpha", "1", "--depth", "4", "--times", "1,10"},
            {"sgd", "--alpha", "1", "--eta", "0.02", "--steps", "10"},
            {"simulate", "--dim", "20", "--alpha", "1", "--depth", "2", "--gamma", "1", "--trials", "10"},
            {"exponents", "--nu", "1.3,1.7", "--beta", "1.3", "--numeric-only"},
            {"exponents", "--nu", "1.3", "--beta", "0.5:2:lin:3", "--numeric-only", "--format", "json"}};
        for (String[] c : commands) {
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), c);
            if (code != 0) {
                System.out.println("FAILED " + String.join(" ", c) + ": " + err);
                System.exit(3);
            }
        }
        System.exit(0);
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static List<String> loadedClasses(String mainClass) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-verbose:class", "-Xshare:auto", "-cp", classPath(), mainClass));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "forked JVM did not finish");
        List<String> lines = out.lines().toList();
        if (mainClass.equals(SymjaNotLoadedTest.class.getName())) {
            assertEquals(0, p.exitValue(), String.join("\n", lines.stream().filter(l -> !l.startsWith("[")).toList()));
        }
        return lines;
    }

    @Test
    void numericVerbsDoNotLoadSymja() throws Exception {
        List<String> lines = loadedClasses(SymjaNotLoadedTest.class.getName());
        assertTrue(lines.stream().anyMatch(l -> l.contains("org.iclscale.theory.IsoModel")), "the verbs ran");
        List<String> symja = lines.stream().filter(l -> l.contains("org.matheclipse")).toList();
        assertEquals(List.of(), symja, "Symja classes loaded by numeric verbs");
    }

    /** Positive control: loading one Symja class is seen by the same check. */
    @Test
    void checkSeesSymjaWhenItIsLoaded() throws Exception {
        List<String> lines = loadedClasses("org.matheclipse.core.expression.F");
        assertTrue(lines.stream().anyMatch(l -> l.contains("org.matheclipse")), "control: Symja class not seen");
    }
}

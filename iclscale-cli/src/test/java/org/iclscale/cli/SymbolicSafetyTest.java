package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.iclscale.cli.CliHarness.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, "expressions are code": {@code check} and {@code derive} accept only mathematics. One test per refused
 * family (files, processes, Java, network, environment and $ symbols, dialogs, assignment and redefinition of
 * library symbols, {@code --set} injection) proves exit 2 with one stderr line naming the head and no side effect
 * (a probe file not created, a listening socket never contacted, the library unchanged afterwards); pathological
 * inputs end within a stated time.
 */
class SymbolicSafetyTest {

    @TempDir
    Path dir;

    private static Run check(String expr, String against, String... more) {
        List<String> args = new ArrayList<>(List.of("check", expr, "--against", against));
        args.addAll(List.of(more));
        return CliHarness.run(args.toArray(String[]::new));
    }

    /** Exit 2, one stderr line whose reason (after the quoted input) names the head, nothing on stdout. */
    private static void refused(Run r, String head, String what) {
        assertEquals(2, r.code(), what + ": " + r.out() + r.err());
        assertEquals(1, r.errLines().size(), what + ": " + r.err());
        int quoted = r.err().lastIndexOf("' ");
        String reason = quoted < 0 ? r.err() : r.err().substring(quoted);
        assertTrue(reason.contains(head), what + " should name " + head + ": " + r.err());
        assertEquals("", r.out(), what);
    }

    private String path(String name) {
        return dir.resolve(name).toString().replace("\\", "/");
    }

    @Test
    void fileHeadsAreRefusedWithoutTouchingTheFileSystem() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "s3cr3t-content");
        String p = path("probe.txt");
        String[][] cases = {
            {"Export[\"" + p + "\", 1]", "Export"},
            {"WriteString[\"" + p + "\", \"x\"]", "WriteString"},
            {"Put[1, \"" + p + "\"]", "Put"},
            {"OpenWrite[\"" + p + "\"]", "OpenWrite"},
            {"CreateFile[\"" + p + "\"]", "CreateFile"},
            {"CopyFile[\"" + path("secret.txt") + "\", \"" + p + "\"]", "CopyFile"},
            {"DeleteFile[\"" + path("secret.txt") + "\"]", "DeleteFile"},
            {"Get[\"" + path("secret.txt") + "\"]", "Get"},
            {"ReadString[\"" + path("secret.txt") + "\"]", "ReadString"},
            {"Import[\"" + path("secret.txt") + "\"]", "Import"},
            {"1 - alpha + 0*ReadList[\"" + path("secret.txt") + "\"]", "ReadList"}};
        for (String[] c : cases) {
            Run r = check(c[0], "isoInfiniteDepthLoss");
            refused(r, c[1], c[0]);
            assertTrue(r.err().contains("file access"), r.err());
            assertFalse(r.err().contains("s3cr3t"), "file content leaked: " + r.err());
            assertFalse(Files.exists(dir.resolve("probe.txt")), c[0] + " created the probe");
            assertTrue(Files.exists(secret), c[0] + " deleted the file");
        }
    }

    @Test
    void processHeadsAreRefusedAndStartNothing() {
        String p = path("ran");
        String[][] cases = {
            {"Run[\"touch " + p + "\"]", "Run"},
            {"RunProcess[{\"touch\", \"" + p + "\"}]", "RunProcess"},
            {"StartProcess[{\"touch\", \"" + p + "\"}]", "StartProcess"},
            {"1 - alpha + 0*Run[\"touch " + p + "\"]", "Run"}};
        for (String[] c : cases) {
            Run r = check(c[0], "isoInfiniteDepthLoss");
            refused(r, c[1], c[0]);
            assertTrue(r.err().contains("process control"), r.err());
            assertFalse(Files.exists(dir.resolve("ran")), c[0] + " started a process");
        }
    }

    @Test
    void javaHeadsAreRefused() {
        String p = path("java-probe");
        String[][] cases = {
            {"JavaNew[\"java.io.FileOutputStream\", \"" + p + "\"]", "JavaNew"},
            {"LoadJavaClass[\"java.lang.Runtime\"]", "LoadJavaClass"},
            {"JavaObject[\"java.lang.System\"]", "JavaObject"}};
        for (String[] c : cases) {
            Run r = check(c[0], "isoInfiniteDepthLoss");
            refused(r, c[1], c[0]);
            assertTrue(r.err().contains("Java access"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("java-probe")));
    }

    @Test
    void networkHeadsAreRefusedAndConnectNowhere() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(200);
            Thread listener = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            listener.setDaemon(true);
            listener.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/";
            for (String head : new String[] {"URLFetch", "URLRead", "URLExecute", "URLSave"}) {
                Run r = check(head + "[\"" + url + "\"]", "isoInfiniteDepthLoss");
                refused(r, head, head);
                assertTrue(r.err().contains("network access"), r.err());
            }
            Thread.sleep(300);
        }
        assertEquals(0, connections.get(), "a refused expression contacted the server");
    }

    @Test
    void environmentAndDollarSymbolsAreRefusedAndLeakNothing() {
        String user = System.getProperty("user.name");
        String home = System.getProperty("user.home");
        String[][] cases = {
            {"$UserName", "$UserName"},
            {"ToCharacterCode[$HomeDirectory]", "ToCharacterCode"},
            {"1 - alpha + 0*$HomeDirectory", "$HomeDirectory"},
            {"Environment[\"HOME\"]", "Environment"},
            {"$Version", "$Version"},
            {"$RecursionLimit", "$RecursionLimit"}};
        for (String[] c : cases) {
            Run r = check(c[0], "isoInfiniteDepthLoss");
            refused(r, c[1], c[0]);
            assertFalse(user != null && user.length() > 2 && r.err().contains(user) && !c[0].contains(user), r.err());
            assertFalse(home != null && r.err().contains(home), r.err());
        }
        // through derive --set (issue 18: --set 'alpha=$UserName' printed the user name)
        Run d = CliHarness.run("derive", "isoDepthOneLoss", "--set", "alpha=$UserName");
        refused(d, "$UserName", "derive --set");
        assertFalse(d.err().contains(" " + user + " "), d.err());
    }

    @Test
    void dialogAndPrintingHeadsAreRefused() {
        for (String head : new String[] {"Input", "InputString", "SystemDialogInput", "Print"}) {
            Run r = check(head + "[\"leak-marker\"]", "isoInfiniteDepthLoss");
            refused(r, head, head);
            assertTrue(r.err().contains("dialogs and printing"), r.err());
        }
    }

    @Test
    void forgedVerdictsAreImpossibleAndTheLibraryStaysIntact() throws Exception {
        // issue 18: these printed "verdict equal, symbolicallyEqual true, pointsChecked 24"
        String[][] forged = {
            {"(isoInfiniteDepthLoss = 7; 7)", "CompoundExpression"},
            {"isoInfiniteDepthLoss = 7", "Set"},
            {"isoInfiniteDepthLoss := 7", "SetDelayed"},
            {"Set[isoInfiniteDepthLoss, 7]", "Set"},
            {"Unprotect[Max]; Max[a_, b_] := 5; Max[1 - alpha, 0]", "CompoundExpression"},
            {"Unprotect[Max]", "Unprotect"},
            {"Block[{isoInfiniteDepthLoss = 7}, 7]", "Block"},
            {"Clear[isoInfiniteDepthLoss]", "Clear"},
            {"f[x_] := x", "SetDelayed"},
            {"Max[a_, b_]", "a_"},
            {"ToExpression[\"isoInfiniteDepthLoss = 7\"]", "ToExpression"},
            {"isoInfiniteDepthLoss /. 7 -> 7", "ReplaceAll"}};
        for (String[] f : forged) {
            refused(check(f[0], "isoInfiniteDepthLoss"), f[1], f[0]);
        }
        // nothing was redefined: the library still says [1 - alpha]_+, and 7 is not it
        Run right = check("Max[0, 1 - alpha]", "isoInfiniteDepthLoss", "--format", "json");
        assertEquals(0, right.code(), right.err());
        assertEquals("equal", right.json().get("verdict").asText());
        Run seven = check("7", "isoInfiniteDepthLoss", "--format", "json");
        assertEquals(0, seven.code(), seven.err());
        assertEquals("different", seven.json().get("verdict").asText());
        assertFalse(seven.json().get("symbolicallyEqual").asBoolean());
    }

    @Test
    void setValuesCannotInjectCode() {
        String p = path("set-probe");
        // issue 18: the value was spliced into Symja source unescaped and exited 0
        Run injected = CliHarness.run("derive", "isoDepthOneLoss", "--set", "alpha=1}, 12345]; Block[{x=1");
        assertEquals(2, injected.code(), injected.out() + injected.err());
        assertEquals(1, injected.errLines().size(), injected.err());
        assertTrue(injected.err().contains("--set"), injected.err());
        Run export = CliHarness.run("derive", "isoDepthOneLoss", "--set", "alpha=Export[\"" + p + "\", 1]");
        refused(export, "Export", "derive --set Export");
        Run assign = CliHarness.run("derive", "isoDepthOneLoss", "--set", "alpha=(isoDepthOneLoss = 3)");
        refused(assign, "Set", "derive --set assignment");
        Run variable = CliHarness.run("derive", "isoDepthOneLoss", "--set", "alpha=sigma");
        refused(variable, "sigma", "derive --set with a variable");
        Run string = CliHarness.run("derive", "isoDepthOneLoss", "--set", "sigma=\"a b\"");
        refused(string, "string", "derive --set with a string");
        // check --set takes numbers only
        Run numbers = CliHarness.run("check", "1", "--against", "isoOptimalLoss", "--set", "L=Run[\"touch " + p + "\"]");
        assertEquals(2, numbers.code(), numbers.err());
        assertFalse(Files.exists(dir.resolve("set-probe")));
        // a legitimate exact value still works
        Run half = CliHarness.run("derive", "isoDepthOneLoss", "--set", "alpha=1/2", "--set", "sigma=0",
                "--format", "mathematica");
        assertEquals(0, half.code(), half.err());
        assertEquals("2/3", half.out().trim().replace(" ", ""));
    }

    @Test
    void setValuesStayInsideTheDeclaredDomain() {
        // issue 18: --set L=100000 (domain L in [1, 12]) was accepted and ran past 60 s
        long t0 = System.nanoTime();
        Run derive = CliHarness.run("derive", "isoOptimalLoss", "--set", "L=100000");
        Run check = CliHarness.run("check", "1", "--against", "isoOptimalLoss", "--set", "L=100000");
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "refused up front");
        for (Run r : List.of(derive, check)) {
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("L=100000") && r.err().contains("[1, 12]"), r.err());
        }
        assertEquals(2, CliHarness.run("derive", "isoOptimalLoss", "--set", "L=5/2").code(), "L is an integer");
        assertEquals(2, CliHarness.run("derive", "isoDepthOneLoss", "--set", "alpha=-1").code());
        assertEquals(2, CliHarness.run("derive", "isoDepthOneLoss", "--set", "alpha=0").code(), "alpha (0, 8] is open at 0");
        // Infinity: refused (outside (0, 8]), with a pointer to the series expansion; it used to print .../(Infinity + ...)
        Run inf = CliHarness.run("derive", "isoDepthOneLoss", "--set", "alpha=Infinity");
        assertEquals(2, inf.code(), inf.out() + inf.err());
        assertTrue(inf.err().contains("Infinity") && inf.err().contains("--series"), inf.err());
        // a decimal with an exponent letter is read as a number (Mathematica would read 1e-3 as 1*e - 3)
        Run small = CliHarness.run("derive", "isoDepthOneGamma", "--set", "alpha=1e-3", "--set", "sigma=0",
                "--format", "mathematica");
        assertEquals(0, small.code(), small.err());
        assertEquals("1/1001", small.out().trim(), "exact: 1*^-3 is the rational 1/1000");
    }

    /** Pathological inputs end within a stated time: refused at once, or stopped by the time limit (exit 1). */
    @Test
    void pathologicalInputsEndInBoundedTime() {
        String nested = "alpha";
        for (int i = 0; i < 40; i++) {
            nested = "(" + nested + " + 1)^2";
        }
        String[][] refusedAtOnce = {
            {"Pause[100]", "Pause"},
            {"While[True]", "While"},
            {"Nest[(# + 1)^2 &, alpha, 40]", "Nest"},
            {"Integrate[Integrate[Integrate[Exp[x*y*z]*Sin[x + y]/(1 + x^2 + Log[z]), x], y], z]", "Integrate"},
            {"Do[1, {10^10}]", "Do"}};
        for (String[] c : refusedAtOnce) {
            long t0 = System.nanoTime();
            Run r = check(c[0], "isoInfiniteDepthLoss", "--time-limit", "5");
            double seconds = (System.nanoTime() - t0) / 1e9;
            refused(r, c[1], c[0]);
            assertTrue(seconds < 5, c[0] + " took " + seconds + " s");
        }
        // allowed arithmetic that explodes: Symja's size limits keep it unevaluated, so it is no real number (exit 2)
        for (String huge : new String[] {"2^(2^40)", nested}) {
            long t0 = System.nanoTime();
            Run r = check(huge, "isoInfiniteDepthLoss", "--time-limit", "5");
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < 5 + 3 + 2, huge.substring(0, 8) + " took " + seconds + " s");
            assertTrue(r.code() == 2 || r.code() == 1, r.err());
            assertEquals(1, r.errLines().size(), r.err());
        }
        // allowed but long computations are stopped by the time limit (+ Symja's grace to stop): exit 1 naming it
        for (String slowSum : new String[] {"Sum[1/n^2, {n, 1, 10^7}]", "Sum[1/n, {n, 1, 10^12}]"}) {
            long t0 = System.nanoTime();
            Run slow = check(slowSum, "isoInfiniteDepthLoss", "--time-limit", "2");
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(1, slow.code(), slow.out() + slow.err());
            assertTrue(slow.err().contains("time limit of 2 s"), slow.err());
            assertTrue(seconds < 2 + 3 + 2, slowSum + " stopped after " + seconds + " s");
        }
        // the engine is usable afterwards
        assertEquals(0, check("Max[0, 1 - alpha]", "isoInfiniteDepthLoss").code());
    }

    @Test
    void hugeOrDeeplyNestedTextIsRefusedWithoutAStackOverflow() {
        // issue 18: 60k nested parentheses ended in a StackOverflowError reported as "out of resources"
        String deep = "(".repeat(60_000) + "alpha" + ")".repeat(60_000);
        Run r = check(deep, "isoInfiniteDepthLoss");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size());
        assertTrue(r.err().contains("nested") || r.err().contains("characters"), r.err());
        assertTrue(r.err().length() < 1000, "the message quotes an excerpt, not the input");
        String nested = "(".repeat(500) + "alpha" + ")".repeat(500);
        Run n = check(nested, "isoInfiniteDepthLoss");
        assertEquals(2, n.code());
        assertTrue(n.err().contains("nested 500 deep"), n.err());
        String tower = "alpha" + "^alpha".repeat(3000);
        Run t = check(tower, "isoInfiniteDepthLoss");
        assertEquals(2, t.code(), t.err());
        assertEquals(1, t.errLines().size());
    }
}

package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The python process of {@link ChartFiles#pdfs(String, List, List, Path)} ends with the JVM that started it (issue 17:
 * an interrupted {@code figure all} left it drawing on): a JVM running a script that sleeps is terminated (SIGTERM,
 * as Ctrl-C or {@code kill}: the shutdown hook stops python) or killed (SIGKILL: no hook runs; the runner sees its
 * stdin close), and the python process is gone soon after.
 */
class ChartFilesEndWithParentTest {

    @TempDir
    Path dir;

    /** The JVM under test: runs the scripts in args[1..] with python args[0] through ChartFiles, as figure does. */
    public static final class Parent {
        public static void main(String[] args) {
            List<Path> scripts = java.util.Arrays.stream(args).skip(1).map(Path::of).toList();
            ChartFiles.pdfs(args[0], scripts, List.of(), null);
        }
    }

    @Test
    void terminatedJvmStopsPython() throws Exception {
        pythonEndsWithItsJvm(false);
    }

    @Test
    void killedJvmStopsPython() throws Exception {
        pythonEndsWithItsJvm(true);
    }

    private void pythonEndsWithItsJvm(boolean kill) throws Exception {
        String python = ChartFiles.python();
        assumeTrue(python != null, "no python3 with matplotlib");
        Path started = dir.resolve("started");
        Path script = dir.resolve("sleeps.py");
        Files.writeString(script, "import time\nopen(" + pythonString(started.toString()) + ", 'w').close()\n"
                + "time.sleep(300)\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(java, "-cp", classPath(), Parent.class.getName(), python, script.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("parent.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(started) && parent.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(started), "the script did not start: " + Files.readString(dir.resolve("parent.log")));
            List<ProcessHandle> children = parent.descendants().toList();
            assertEquals(1, children.size(), "one python process under the JVM");
            ProcessHandle py = children.get(0);
            assertTrue(py.isAlive());
            if (kill) {
                parent.destroyForcibly();
            } else {
                parent.destroy();
            }
            assertTrue(parent.waitFor(30, TimeUnit.SECONDS), "the JVM did not end");
            py.onExit().get(30, TimeUnit.SECONDS); // throws TimeoutException when python draws on
            assertTrue(!py.isAlive());
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

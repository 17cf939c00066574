package org.iclscale.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use it from Java" example is documentation that cannot drift: this integration test (run by
 * failsafe after {@code package}) takes the Java block between the {@code java-example} markers of README.md,
 * runs it in JShell against the built library jars of {@code target/lib} (iclscale-core with Hipparchus and
 * Jackson only: the library needs nothing else), and compares its standard output with the README's
 * {@code java-example-output} block.
 */
class JavaExampleIT {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void readmeJavaExampleRunsInJShellAgainstTheBuiltJars(@TempDir Path dir) throws IOException, InterruptedException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String code = block(readme, "java-example");
        String expected = block(readme, "java-example-output");
        Path script = dir.resolve("example.jsh");
        Files.writeString(script, code + "\n/exit\n", StandardCharsets.UTF_8);

        List<String> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("target", "lib"))) {
            s.map(p -> p.toAbsolutePath().toString())
                    .filter(p -> {
                        String n = Path.of(p).getFileName().toString();
                        return n.startsWith("iclscale-core-") || n.startsWith("hipparchus-") || n.startsWith("jackson-");
                    })
                    .sorted().forEach(jars::add);
        }
        assertTrue(jars.stream().anyMatch(j -> j.contains("iclscale-core-")), "iclscale-core jar in target/lib: " + jars);
        String jshell = Path.of(System.getProperty("java.home"), "bin", "jshell").toString();
        ProcessBuilder pb = new ProcessBuilder(jshell, "-q", "--class-path", String.join(File.pathSeparator, jars),
                "-R-Xss16m", "-J-Duser.home=" + dir.toAbsolutePath(), script.toString());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "jshell did not finish");
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertEquals(0, p.exitValue(), "jshell failed: " + err);
        assertEquals(expected.strip(), out.strip(), "README example output (stderr: " + err + ")");
    }

    /** The fenced code inside {@code <!-- NAME:begin -->} … {@code <!-- NAME:end -->}. */
    private static String block(String text, String name) {
        int begin = text.indexOf("<!-- " + name + ":begin -->");
        int end = text.indexOf("<!-- " + name + ":end -->");
        assertTrue(begin >= 0 && end > begin, "README markers for " + name);
        String inner = text.substring(begin, end);
        int open = inner.indexOf("```");
        int lineEnd = inner.indexOf('\n', open);
        int close = inner.lastIndexOf("```");
        return inner.substring(lineEnd + 1, close);
    }
}

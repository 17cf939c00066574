package org.iclscale.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of issue 11, checked on the sources of every module (so a violation fails the build, not a
 * review): no command-line option name outside the cli module, no regime decision outside the one dispatcher, no
 * locale-dependent formatting.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of("..");

    /** The constructions only {@code model.Landscapes} (and the factories it calls) may perform. */
    private static final Pattern REGIME_DECISION = Pattern.compile("new (IsoModel|RrsModel|RrsContinuum|FsModel|"
            + "OnePointDensity|TwoPointContour|FsModeLandscape|ExactShallowLandscape)\\(|StructuredLandscapes\\."
            + "(width|context|monteCarlo)\\(|FsModel\\.isotropicLandscape\\(");

    /** Files that may construct landscapes: the dispatcher, its solver cache, and the factories' own classes. */
    private static final Set<String> DISPATCH = Set.of("model/Landscapes.java", "model/SolverCache.java",
            "deteq/StructuredLandscapes.java", "theory/FsModel.java");

    /**
     * Code still being moved behind the dispatcher by issue 11's open branches; this list must be empty when the
     * issue is resolved.
     */
    private static final Set<String> PENDING = Set.of();

    @Test
    void noOptionNamesOutsideTheCommandLine() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("iclscale-core", "iclscale-symbolic")) {
            for (Path f : sources(module)) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String code = withoutComment(lines.get(i));
                    if (code.contains("\"--")) {
                        found.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "the domain names parameters; cli/OptionNames maps them to options");
    }

    @Test
    void noRegimeDecisionOutsideTheDispatcher() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("iclscale-core", "iclscale-symbolic", "iclscale-cli")) {
            for (Path f : sources(module)) {
                String rel = f.toString().replace('\\', '/');
                String local = rel.substring(rel.indexOf("/org/iclscale/") + "/org/iclscale/".length());
                if (DISPATCH.contains(local) || PENDING.contains(local)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = REGIME_DECISION.matcher(withoutComment(lines.get(i)));
                    if (m.find()) {
                        found.add(local + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "build landscapes through org.iclscale.model.Landscapes");
    }

    @Test
    void formattingNamesItsLocale() throws IOException {
        Pattern unlocalised = Pattern.compile("String\\.format\\(\"|\\.printf\\(\"|\\.toLowerCase\\(\\)|\\.toUpperCase\\(\\)"
                + "|\\.formatted\\(");
        List<String> found = new ArrayList<>();
        for (String module : List.of("iclscale-core", "iclscale-symbolic", "iclscale-cli")) {
            for (String tree : List.of("main", "test")) {
                for (Path f : sources(module, tree)) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (unlocalised.matcher(withoutComment(lines.get(i))).find()) {
                            found.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "output never depends on the default locale: pass Locale.ROOT");
    }

    @Test
    void pendingListOnlyNamesFilesThatStillNeedIt() throws IOException {
        for (String local : PENDING) {
            Path f = null;
            for (String module : List.of("iclscale-core", "iclscale-cli")) {
                Path p = ROOT.resolve(module).resolve("src/main/java/org/iclscale").resolve(local);
                if (Files.exists(p)) {
                    f = p;
                }
            }
            if (f == null) {
                continue;
            }
            assertTrue(REGIME_DECISION.matcher(Files.readString(f)).find(), local + " no longer needs its PENDING entry");
        }
    }

    private static List<Path> sources(String module) throws IOException {
        return sources(module, "main");
    }

    private static List<Path> sources(String module, String tree) throws IOException {
        Path dir = ROOT.resolve(module).resolve("src").resolve(tree).resolve("java");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The line without a trailing // comment and without javadoc/block-comment lines. */
    private static String withoutComment(String line) {
        String t = line.trim();
        if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) {
            return "";
        }
        int c = line.indexOf("//");
        while (c >= 0 && inString(line, c)) {
            c = line.indexOf("//", c + 2);
        }
        return c >= 0 ? line.substring(0, c) : line;
    }

    private static boolean inString(String line, int index) {
        boolean in = false;
        for (int i = 0; i < index; i++) {
            char ch = line.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '"') {
                in = !in;
            }
        }
        return in;
    }
}

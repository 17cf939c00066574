package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 17 item 6: the launcher's class-data (AppCDS) archive refuses class files older than Java 6 ("Pre JDK 6
 * class not supported by CDS: 49.0"), which the published picocli jar is; module iclscale-picocli compiles it from
 * its sources at Java 17. Checks every class of the picocli jar on the class path, and that it is the version the
 * parent POM names (picocli's own {@link CommandLine#VERSION}).
 */
class PicocliClassFilesTest {

    /** Java 6's class-file major version, the oldest that class-data sharing archives. */
    private static final int OLDEST_ARCHIVABLE = 50;

    @Test
    void everyPicocliClassIsArchivable() throws IOException, URISyntaxException {
        // a jar when run from the built application, a classes directory in a reactor test run
        Path where = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Integer> majors = new TreeMap<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.walk(where.resolve("picocli"))) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                    majors.put(where.relativize(f).toString(), majorVersion(Files.newInputStream(f)));
                }
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().startsWith("picocli/") && entry.getName().endsWith(".class")) {
                        majors.put(entry.getName(), majorVersion(jar.getInputStream(entry)));
                    }
                }
            }
        }
        List<String> tooOld = new ArrayList<>();
        majors.forEach((name, major) -> {
            if (major < OLDEST_ARCHIVABLE) {
                tooOld.add(name + " (" + major + ")");
            }
        });
        assertTrue(majors.size() > 100, where + ": " + majors.size() + " picocli classes");
        assertTrue(majors.containsKey("picocli/CommandLine.class"), where + ": no picocli/CommandLine.class");
        assertTrue(tooOld.isEmpty(), where + ": class files older than Java 6: " + tooOld.size() + ", e.g. "
                + tooOld.subList(0, Math.min(3, tooOld.size())));
    }

    @Test
    void theVersionIsTheParentPomsPicocliVersion() {
        String expected = System.getProperty("iclscale.test.picocliVersion");
        assertNotNull(expected, "the POM's picocli.version (surefire sets iclscale.test.picocliVersion)");
        assertEquals(expected, CommandLine.VERSION);
    }

    private static int majorVersion(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt(), "class-file magic");
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}

package org.iclscale.cli;

import java.nio.file.Path;

/**
 * The cache directory of the build the launcher runs from ({@code iclscale-cli/target/cache}, wiped by each
 * build), passed as the system property {@value #PROPERTY}; unset (tests, an embedding JVM): no cache. It holds
 * what is expensive to derive and fixed for a build, such as the symbolic exponents of {@code exponents}
 * ({@link org.iclscale.symbolic.SymbolicScaling#of}; issue 17 item 6), or named by everything it depends on, such as
 * the font subsets of {@code figure}'s PDFs ({@link org.iclscale.plot.ChartFiles#pdfs(String, java.util.List,
 * java.util.List, Path, Path)}: keyed by the font file's sha256, the characters and the fontTools version).
 */
final class BuildCache {

    /** The system property naming the directory. */
    static final String PROPERTY = "iclscale.cache";

    private BuildCache() {
    }

    /** The directory, or null when the launcher gave none. */
    static Path directory() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }
}

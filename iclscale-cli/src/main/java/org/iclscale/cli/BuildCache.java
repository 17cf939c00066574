package org.iclscale.cli;

import java.nio.file.Path;

/**
 * The cache directory of the build the launcher runs from ({@code iclscale-cli/target/cache}, wiped by each
 * build), passed as the system property {@value #PROPERTY}; unset (tests, an embedding JVM): no cache. It holds
 * what is expensive to derive and fixed for a build, such as the symbolic exponents of {@code exponents}
 * ({@link org.iclscale.symbolic.SymbolicScaling#of}; issue 17 item 6).
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

package org.iclscale.symbolic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A directory of finished symbolic derivations (issue 17 item 6: starting Symja costs ~1–3 CPU-s, most of a
 * symbolic {@code exponents} run). An entry is a set of named strings stored under a key text that names
 * everything the derivation depends on; the key text is stored with the entry and compared on reading, so a
 * file is only ever reused for exactly the same key. The key always ends with the identity (path, size, date) of
 * the code that derives ({@link #codeIdentity()}: this module's jar and Symja's), so a rebuilt module never reads
 * an older module's derivations. Files are written aside and moved into place: concurrent runs never see a
 * partial entry, and a directory that cannot be written only costs the next run its derivation.
 */
final class DerivationCache {

    /** Bumped when the stored layout changes. */
    private static final String FORMAT = "symbolic-derivation-1";
    private static final String KEY = "#key";

    private final Path directory;
    private final String code;

    /** A cache in {@code directory} for the code running now ({@link #codeIdentity()}). */
    DerivationCache(Path directory) {
        this(directory, codeIdentity());
    }

    /** With an explicit code identity (tests, whose classes come from folders without one). */
    DerivationCache(Path directory, String codeIdentity) {
        this.directory = directory;
        this.code = codeIdentity;
    }

    /** The stored strings of {@code key}, or null (absent, unreadable, or another key). */
    Properties read(String key) {
        String full = fullKey(key);
        Path file = file(full);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return full.equals(p.getProperty(KEY)) ? p : null;
    }

    /** Stores {@code values} under {@code key} (best effort). */
    void write(String key, Properties values) {
        String full = fullKey(key);
        Properties p = new Properties();
        p.putAll(values);
        p.setProperty(KEY, full);
        Path file = file(full);
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, "derivation-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, null);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // not cached: the next run derives again
        }
    }

    private Path file(String fullKey) {
        return directory.resolve("derivation-" + sha256(fullKey).substring(0, 32) + ".properties");
    }

    private String fullKey(String key) {
        return FORMAT + "\n" + key + "\n" + code;
    }

    /**
     * Path, size and modification time of the jars (or class folders) holding this module and Symja; a location
     * without a stable identity gives a unique string, so nothing is reused.
     */
    static String codeIdentity() {
        return identity(DerivationCache.class.getProtectionDomain().getCodeSource().getLocation()) + "\n"
                + identity(DerivationCache.class.getClassLoader().getResource("org/matheclipse/core/expression/F.class"));
    }

    private static String identity(URL url) {
        try {
            if (url == null) {
                return "unknown " + System.nanoTime();
            }
            String s = url.toString();
            if (s.startsWith("jar:")) { // jar:file:/…/x.jar!/org/… (found without loading the class)
                url = new URL(s.substring(4, s.indexOf("!/")));
            }
            Path p = Path.of(url.toURI());
            if (!Files.isRegularFile(p)) {
                return "unknown " + System.nanoTime(); // a class folder: its size/date say nothing of its contents
            }
            return p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

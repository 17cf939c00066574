package org.iclscale.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Version from the Maven-filtered {@code iclscale-version.properties}. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/iclscale-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "iclscale " + p.getProperty("version", "unknown"),
            "theory: Bordelon, Letey, Pehlevan, arXiv 2510.01098 (ICLR 2026), with the errata of README.md"};
    }
}

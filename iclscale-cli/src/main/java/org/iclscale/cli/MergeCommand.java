package org.iclscale.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code merge --points N FILE...}: joins the outputs of {@code sweep --shard I/N --with-index} (CSV or JSON
 * lines, in any order of the files) into one sweep, after checking that every grid index 0..N-1 appears exactly
 * once (a curve verb's rows of one point stay together) and that the CSV headers agree. A first pass only checks,
 * so an incomplete set of shards writes nothing: one line names the file and the missing or repeated index
 * (exit 2). {@code --check} stops after the check and prints a summary.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the outputs of sweep --shard I/N --with-index (CSV or JSON lines) into one sweep on stdout,",
            "after checking that every index 0..N-1 appears exactly once and that the CSV headers agree.",
            "Example: iclscale merge --points 1000000 part-*.csv > all.csv   (N from sweep --plan)"})
public final class MergeCommand implements Callable<Integer> {

    private static final Pattern JSON_INDEX = Pattern.compile("^\\{\"index\":(\\d{1,18})[,}]");
    private static final Pattern CSV_INDEX = Pattern.compile("^(\\d{1,18})(,|$)");

    @Spec
    CommandSpec spec;

    @Option(names = "--points", required = true, paramLabel = "N",
            description = "Number of points of the whole sweep (the 'points' of sweep --plan).")
    String points;

    @Option(names = "--check", description = "Only check the files and print a summary (no merged output).")
    boolean checkOnly;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The shards' outputs (made with --with-index).")
    List<Path> files;

    /** One shard file: its header (CSV), the index of its first row, the number of its points and rows. */
    private record Part(Path file, String header, long first, long points, long rows) {
    }

    @Override
    public Integer call() {
        long n = Inputs.longInteger("--points", points, 1, Long.MAX_VALUE, "an integer >= 1 (the points of the sweep)");
        List<Part> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(scan(f));
        }
        parts.sort(Comparator.comparingLong(Part::first));
        String header = null;
        Path headerFile = null;
        for (Part p : parts) {
            if (p.header() != null) {
                if (header != null && !header.equals(p.header())) {
                    throw new InvalidInputException(p.file().toString(), "its CSV header differs from that of " + headerFile
                            + " (shards of different sweeps?)");
                }
                header = p.header();
                headerFile = p.file();
            }
        }
        long expected = 0;
        Part previous = null;
        for (Part p : parts) {
            if (p.points() == 0) {
                continue;
            }
            if (p.first() < expected) {
                throw new InvalidInputException(p.file().toString(), "index " + p.first() + " appears twice (also in "
                        + previous.file() + ")");
            }
            if (p.first() > expected) {
                throw new InvalidInputException("--points", missing(expected, p.first() - 1)
                        + " (no file holds them; the next file, " + p.file() + ", starts at " + p.first() + ")");
            }
            expected = p.first() + p.points();
            previous = p;
        }
        if (expected != n) {
            throw new InvalidInputException("--points", expected > n
                    ? "the files hold " + expected + " points, more than " + n
                    : missing(expected, n - 1) + " (no file holds them)");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (checkOnly) {
            long rows = parts.stream().mapToLong(Part::rows).sum();
            out.println("merge: complete: indices 0.." + (n - 1) + " each once, " + rows + " rows in " + parts.size()
                    + " files" + (header == null ? "" : ", one CSV header"));
            out.flush();
            return Main.EXIT_OK;
        }
        if (header != null) {
            out.println(header);
        }
        for (Part p : parts) {
            try (BufferedReader r = Files.newBufferedReader(p.file(), StandardCharsets.UTF_8)) {
                String line;
                boolean first = true;
                while ((line = r.readLine()) != null) {
                    if (!(first && p.header() != null) && !line.isEmpty()) {
                        out.println(line);
                    }
                    first = false;
                }
            } catch (IOException e) {
                throw unreadable(p.file(), e);
            }
            if (out.checkError()) {
                break;
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static String missing(long from, long to) {
        return from == to ? "index " + from + " is missing" : "indices " + from + ".." + to + " are missing";
    }

    /** Reads one file: its header, and checks that its indices are consecutive (rows of one point adjacent). */
    private static InvalidInputException unreadable(Path f, IOException e) {
        return new InvalidInputException(f.toString(), "cannot be read (" + e.getMessage() + ")");
    }

    private static Part scan(Path f) {
        if (!Files.isRegularFile(f)) {
            throw new InvalidInputException(f.toString(), "is not a readable file");
        }
        String header = null;
        long first = -1;
        long last = -1;
        long rows = 0;
        long lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                if (lineNo == 1 && (line.equals("index") || line.startsWith("index,"))) {
                    header = line;
                    continue;
                }
                long index = index(line, f, lineNo);
                if (first < 0) {
                    first = index;
                } else if (index != last && index != last + 1) {
                    throw new InvalidInputException(f.toString(), "line " + lineNo + ": index " + index + " after " + last
                            + (index <= last ? " (an index appears twice or out of order)" : " (" + missing(last + 1, index - 1) + ")"));
                }
                last = index;
                rows++;
            }
        } catch (IOException e) {
            throw unreadable(f, e);
        }
        return new Part(f, header, first < 0 ? Long.MAX_VALUE : first, first < 0 ? 0 : last - first + 1, rows);
    }

    private static long index(String line, Path f, long lineNo) {
        Matcher m = (line.startsWith("{") ? JSON_INDEX : CSV_INDEX).matcher(line);
        if (!m.find()) {
            String excerpt = line.length() > 40 ? line.substring(0, 40) + "..." : line;
            throw new InvalidInputException(f.toString(), "line " + lineNo + " has no grid index ('" + excerpt
                    + "'); run the shards with sweep --with-index");
        }
        return Long.parseLong(m.group(1));
    }
}

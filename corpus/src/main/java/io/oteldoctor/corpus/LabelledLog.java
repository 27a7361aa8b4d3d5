package io.oteldoctor.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A log and what must be diagnosed from it. The label comes from {@code #@ key: value} header
 * lines (stripped before analysis) or, for logs without a header such as the bundled examples,
 * from the folder the file sits in ({@code healthy} meaning nothing must be diagnosed).
 *
 * @param expect          the cause that must rank first, or {@code none}
 * @param expectComponent the component the first diagnosis must be about, or null
 * @param expectAlso      causes that must appear somewhere among the diagnoses
 * @param expectNot       causes that must not appear
 */
public record LabelledLog(String name, String expect, String expectComponent, List<String> expectAlso, List<String> expectNot,
                          String why, String log) {

    public static final String NONE = "none";

    public LabelledLog {
        expectAlso = List.copyOf(expectAlso);
        expectNot = List.copyOf(expectNot);
    }

    /**
     * The labelled logs below {@code root}: files with a {@code #@ expect:} header, and files in a
     * folder named after a cause or {@code healthy}. Anything else (build files, sources, notes) is
     * not a labelled log and is left out.
     */
    public static List<LabelledLog> load(Path root, java.util.Set<String> causes) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted()
                    .filter(p -> hasHeader(p) || labelFolder(p, causes) != null)
                    .map(p -> read(root, p, causes)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasHeader(Path file) {
        try (java.io.BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith("#@ ");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // not text: not a labelled log
        }
    }

    /** Folder labels apply to log files only: Maven's src/test/resources is not a 'resources' sample. */
    private static final java.util.regex.Pattern LOG_FILE = java.util.regex.Pattern.compile(
            "(?i)[^.]+|.*\\.(log|json|ndjson|txt|out|gz|bz2|xz|tar|zip)(\\.\\d+)?$");

    private static String labelFolder(Path file, java.util.Set<String> causes) {
        if (!LOG_FILE.matcher(file.getFileName().toString()).matches()) {
            return null;
        }
        Path parent = file.getParent();
        String name = parent == null ? null : parent.getFileName().toString();
        return name != null && (name.equals("healthy") || causes.contains(name)) ? name : null;
    }

    public static LabelledLog read(Path root, Path file, java.util.Set<String> causes) {
        String name = root.relativize(file).toString();
        String expect = null;
        String component = null;
        String why = null;
        List<String> also = new ArrayList<>();
        List<String> not = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        boolean header = true;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (header && line.startsWith("#@ ")) {
                    String body = line.substring(3);
                    int colon = body.indexOf(':');
                    if (colon < 0) {
                        throw new IllegalArgumentException(name + ": header line without a colon: " + line);
                    }
                    String value = body.substring(colon + 1).strip();
                    switch (body.substring(0, colon).strip()) {
                        case "expect" -> expect = value;
                        case "expect-component" -> component = value;
                        case "expect-also" -> also.add(value);
                        case "expect-not" -> not.add(value);
                        case "why" -> why = value;
                        default -> throw new IllegalArgumentException(name + ": unknown header key in " + line);
                    }
                    continue;
                }
                header = false;
                log.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (expect == null) {
            String folder = labelFolder(file, causes);
            if (folder == null) {
                throw new IllegalArgumentException(name + ": no '#@ expect:' header and not in a folder named after a cause");
            }
            expect = folder.equals("healthy") ? NONE : folder;
        }
        return new LabelledLog(name, expect, component, also, not, why, log.toString());
    }

    @Override
    public String toString() {
        return name;
    }
}

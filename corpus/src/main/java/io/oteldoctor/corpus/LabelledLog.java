package io.oteldoctor.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A log and what must be diagnosed from it. The label comes from {@code #@ key: value} header
 * lines (stripped before analysis), or from the same lines in a sidecar file {@code .NAME.labels}
 * beside a log {@code NAME} that must stay a clean log (the bundled examples: users analyse them,
 * and a header would be an unrecognised line that shifts every line number they see), or, for the
 * expected cause when neither names one, from the folder the file sits in ({@code healthy} meaning
 * nothing must be diagnosed).
 *
 * @param expect          the cause that must rank first, or {@code none}
 * @param expectComponent the component the first diagnosis must be about, or null
 * @param expectAlso      causes that must appear somewhere among the diagnoses
 * @param expectNot       causes that must not appear
 * @param cite            the lines that prove the expected cause ({@code #@ cite:}); empty when not labelled
 * @param headerLines     how many header lines preceded the log in its file, to give line numbers as the file shows them
 *                        (0 for a log labelled by a sidecar: its cite line numbers are the log's own)
 */
public record LabelledLog(String name, String expect, String expectComponent, List<String> expectAlso, List<String> expectNot,
                          String why, String log, List<Cite> cite, int headerLines) {

    /**
     * One {@code #@ cite:} label: either line numbers as the file shows them ({@code 7, 9-12}),
     * held here as lines of the log after its header, or a piece of text that the proving lines
     * contain. A record that spans several lines (a stack trace, a two-line java.util.logging
     * record) is reported at one of its lines, so a line label should cover the whole record.
     */
    public record Cite(java.util.SortedSet<Long> lines, String text) {

        public Cite {
            lines = lines == null ? null : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(lines));
        }

        /** Whether a cited line, given by its number in the log and the text the report shows, is one of these. */
        public boolean matches(long line, String reportedText, String rawLine) {
            if (lines != null) {
                return lines.contains(line);
            }
            return reportedText != null && reportedText.contains(text) || rawLine != null && rawLine.contains(text);
        }

        @Override
        public String toString() {
            return lines != null ? "lines " + lines : "'" + text + "'";
        }
    }

    private static final java.util.regex.Pattern LINE_LIST = java.util.regex.Pattern.compile(
            "\\d+(?:\\s*-\\s*\\d+)?(?:\\s*,\\s*\\d+(?:\\s*-\\s*\\d+)?)*");

    public LabelledLog(String name, String expect, String expectComponent, List<String> expectAlso, List<String> expectNot,
                       String why, String log) {
        this(name, expect, expectComponent, expectAlso, expectNot, why, log, List.of(), 0);
    }

    public static final String NONE = "none";

    public LabelledLog {
        expectAlso = List.copyOf(expectAlso);
        expectNot = List.copyOf(expectNot);
        cite = List.copyOf(cite);
    }

    /** The same label under another name (the examples are scored as {@code examples/...}). */
    public LabelledLog named(String newName) {
        return new LabelledLog(newName, expect, expectComponent, expectAlso, expectNot, why, log, cite, headerLines);
    }

    /**
     * The labelled logs below {@code root}: files with a {@code #@ expect:} header or a sidecar
     * label file, and files in a folder named after a cause or {@code healthy}. Sidecars are never
     * logs themselves, and one that labels no log here (its log renamed or removed, or named
     * without the leading dot) is an error rather than labels silently dropped. Anything else (build files, sources, notes) is
     * not a labelled log and is left out. Installed package trees ({@code node_modules}, such as the
     * Node fault lab's under corpus/src/test/node) are not entered: their folders may carry a
     * cause's name ({@code @opentelemetry/resources}) without holding a single log.
     */
    public static List<LabelledLog> load(Path root, java.util.Set<String> causes) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals("node_modules")
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> logs = files.stream().filter(p -> !p.toString().endsWith(".md") && !isSidecar(p)).sorted()
                .filter(p -> hasHeader(p) || Files.isRegularFile(sidecar(p)) || labelFolder(p, causes) != null)
                .toList();
        java.util.Set<Path> loaded = new java.util.HashSet<>(logs);
        for (Path labels : files) {
            if (isSidecar(labels)) {
                checkSidecarHasLog(root, labels, loaded);
            }
        }
        return logs.stream().map(p -> read(root, p, causes)).toList();
    }

    /** How a sidecar label file ends. */
    public static final String SIDECAR_SUFFIX = ".labels";

    /**
     * The sidecar label file of a log: {@code .NAME.labels} beside {@code NAME}. It is hidden so
     * that {@code otel-doctor analyze DIR} (which leaves hidden files out) and shell globs such as
     * {@code examples/tls/*} never read it as a log: it starts with {@code #@ } lines and its
     * {@code why} quotes error texts, which would be analysed as evidence.
     */
    public static Path sidecar(Path log) {
        return log.resolveSibling("." + log.getFileName() + SIDECAR_SUFFIX);
    }

    private static boolean isSidecar(Path file) {
        return file.getFileName().toString().endsWith(SIDECAR_SUFFIX);
    }

    private static void checkSidecarHasLog(Path root, Path labels, java.util.Set<Path> loaded) {
        String name = labels.getFileName().toString();
        String where = root.relativize(labels).toString();
        if (!name.startsWith(".")) {
            throw new IllegalArgumentException(where + ": a sidecar label file is hidden; rename it ." + name
                    + " so that 'otel-doctor analyze' of its folder does not read it as a log");
        }
        Path log = labels.resolveSibling(name.substring(1, name.length() - SIDECAR_SUFFIX.length()));
        if (!loaded.contains(log)) {
            throw new IllegalArgumentException(where + ": labels " + root.relativize(log) + ", which "
                    + (Files.isRegularFile(log) ? "is not a log" : "does not exist") + "; rename or remove the label file");
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
        Labels labels = new Labels();
        StringBuilder log = new StringBuilder();
        int headerLines = 0;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            while (headerLines < lines.size() && lines.get(headerLines).startsWith("#@ ")) {
                labels.add(name, lines.get(headerLines));
                headerLines++;
            }
            for (String line : lines.subList(headerLines, lines.size())) {
                log.append(line).append('\n');
            }
            Path sidecar = sidecar(file);
            if (Files.isRegularFile(sidecar)) {
                String where = root.relativize(sidecar).toString();
                if (headerLines > 0) {
                    throw new IllegalArgumentException(name + ": labelled twice, by its '#@' header and by " + where
                            + "; keep one of them");
                }
                for (String line : Files.readAllLines(sidecar, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (!line.startsWith("#@ ")) {
                        throw new IllegalArgumentException(where + ": every line of a label file is a '#@ key: value' label, not: " + line);
                    }
                    labels.add(where, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String expect = labels.expect;
        if (expect == null) {
            String folder = labelFolder(file, causes);
            if (folder == null) {
                throw new IllegalArgumentException(name + ": no '#@ expect:' label and not in a folder named after a cause");
            }
            expect = folder.equals("healthy") ? NONE : folder;
        }
        String text = log.toString();
        return new LabelledLog(name, expect, labels.component, labels.also, labels.not, labels.why, text,
                parseCites(name, expect, labels.cites, headerLines, text), headerLines);
    }

    /** The {@code #@ key: value} labels of one log, from its header or its sidecar. */
    private static final class Labels {
        String expect;
        String component;
        String why;
        final List<String> also = new ArrayList<>();
        final List<String> not = new ArrayList<>();
        final List<String> cites = new ArrayList<>();

        void add(String where, String line) {
            String body = line.substring(3);
            int colon = body.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + ": label line without a colon: " + line);
            }
            String value = body.substring(colon + 1).strip();
            switch (body.substring(0, colon).strip()) {
                case "expect" -> expect = value;
                case "expect-component" -> component = value;
                case "expect-also" -> also.add(value);
                case "expect-not" -> not.add(value);
                case "why" -> why = value;
                case "cite" -> cites.add(value);
                default -> throw new IllegalArgumentException(where + ": unknown label key in " + line);
            }
        }
    }

    /**
     * Line labels are checked against the log's length and text labels against its content, so a
     * label that points at nothing fails loudly instead of turning every citation into a miss.
     */
    private static List<Cite> parseCites(String name, String expect, List<String> values, int headerLines, String log) {
        if (values.isEmpty()) {
            return List.of();
        }
        if (expect.equals(NONE)) {
            throw new IllegalArgumentException(name + ": a healthy log has nothing to cite");
        }
        List<String> lines = log.lines().toList();
        List<Cite> out = new ArrayList<>();
        for (String value : values) {
            if (LINE_LIST.matcher(value).matches()) {
                java.util.SortedSet<Long> set = new java.util.TreeSet<>();
                for (String part : value.split(",")) {
                    String[] range = part.strip().split("\\s*-\\s*");
                    long from = Long.parseLong(range[0]);
                    long to = range.length > 1 ? Long.parseLong(range[1]) : from;
                    if (from > to || from <= headerLines || to > headerLines + lines.size()) {
                        throw new IllegalArgumentException(name + ": cite " + value + " is not within the log's lines "
                                + (headerLines + 1) + "-" + (headerLines + lines.size()));
                    }
                    for (long l = from; l <= to; l++) {
                        set.add(l - headerLines);
                    }
                }
                out.add(new Cite(set, null));
            } else {
                String text = value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
                if (text.isBlank() || !log.contains(text)) {
                    throw new IllegalArgumentException(name + ": cite '" + text + "' occurs nowhere in the log");
                }
                out.add(new Cite(null, text));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}

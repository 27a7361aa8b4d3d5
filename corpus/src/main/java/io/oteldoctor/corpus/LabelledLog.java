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

    /** Every regular file below {@code root} (Markdown excepted), labelled. */
    public static List<LabelledLog> load(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted()
                    .map(p -> read(root, p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LabelledLog read(Path root, Path file) {
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
            String folder = root.relativize(file).getName(0).toString();
            expect = folder.equals("healthy") ? NONE : folder;
        }
        return new LabelledLog(name, expect, component, also, not, why, log.toString());
    }

    /** The folder the log sits in below its root: its cause, or {@code healthy}. */
    public String folder() {
        return Path.of(name).getName(0).toString();
    }

    @Override
    public String toString() {
        return name;
    }
}

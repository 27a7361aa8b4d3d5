package io.oteldoctor.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A rule fixture: a log with {@code #@ key: value} header lines saying what must (and must not)
 * be diagnosed. The header is stripped before the log is analysed.
 */
record Fixture(Path path, String expect, String expectComponent, List<String> expectAlso, List<String> expectNot,
               String why, String log) {

    static final Path ROOT = Path.of("src/test/resources/fixtures");

    static Fixture read(Path path) {
        try {
            String expect = null;
            String component = null;
            String why = null;
            List<String> also = new ArrayList<>();
            List<String> not = new ArrayList<>();
            StringBuilder log = new StringBuilder();
            boolean header = true;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (header && line.startsWith("#@ ")) {
                    String body = line.substring(3);
                    int colon = body.indexOf(':');
                    if (colon < 0) {
                        throw new IllegalArgumentException(path + ": header without a colon: " + line);
                    }
                    String key = body.substring(0, colon).strip();
                    String value = body.substring(colon + 1).strip();
                    switch (key) {
                        case "expect" -> expect = value;
                        case "expect-component" -> component = value;
                        case "expect-also" -> also.add(value);
                        case "expect-not" -> not.add(value);
                        case "why" -> why = value;
                        default -> throw new IllegalArgumentException(path + ": unknown header key " + key);
                    }
                    continue;
                }
                header = false;
                log.append(line).append('\n');
            }
            if (expect == null) {
                throw new IllegalArgumentException(path + ": no '#@ expect:' header");
            }
            return new Fixture(path, expect, component, List.copyOf(also), List.copyOf(not), why, log.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Fixture> all() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile).sorted().map(Fixture::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cause folder the fixture sits in. */
    String folder() {
        return ROOT.relativize(path).getName(0).toString();
    }

    String name() {
        return ROOT.relativize(path).toString();
    }

    @Override
    public String toString() {
        return name();
    }
}

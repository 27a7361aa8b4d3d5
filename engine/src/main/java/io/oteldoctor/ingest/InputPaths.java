package io.oteldoctor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line paths into sources: {@code -} is standard input, a directory stands for
 * every regular file below it (sorted, hidden files left out), a file for itself.
 */
public final class InputPaths {

    /** A path that could not be turned into a source, with the reason. */
    public record Problem(String path, String message) {
    }

    /** Sources found, and the paths that could not be used. */
    public record Expansion(List<InputSource> sources, List<Problem> problems) {
    }

    private InputPaths() {
    }

    public static Expansion expand(List<String> paths) {
        return expand(paths, System.in);
    }

    /** As {@link #expand(List)}, reading {@code -} from the given stream. */
    public static Expansion expand(List<String> paths, java.io.InputStream stdin) {
        List<InputSource> sources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (paths.isEmpty()) {
            sources.add(InputSource.stdin(stdin));
        }
        for (String p : paths) {
            if (p.equals("-")) {
                sources.add(InputSource.stdin(stdin));
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !isHidden(path.relativize(f)))
                            .sorted()
                            .forEach(f -> sources.add(InputSource.file(f, f.toString())));
                } catch (IOException | UncheckedIOException e) {
                    problems.add(new Problem(p, "cannot list directory: " + rootMessage(e)));
                }
            } else if (Files.isRegularFile(path)) {
                if (Files.isReadable(path)) {
                    sources.add(InputSource.file(path, p));
                } else {
                    problems.add(new Problem(p, "permission denied"));
                }
            } else if (Files.exists(path)) {
                problems.add(new Problem(p, "not a regular file"));
            } else {
                problems.add(new Problem(p, "no such file or directory"));
            }
        }
        return new Expansion(sources, problems);
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Exception e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

package io.oteldoctor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands command-line paths into sources: {@code -} is standard input, a directory stands for
 * the regular files below it, a file for itself. In a directory, hidden entries are left out,
 * symbolic links are followed (a loop is reported, not followed forever), rotated logs are read
 * oldest first ({@code otelcol.log.2.gz}, {@code otelcol.log.1}, {@code otelcol.log}), and
 * {@code --include}/{@code --exclude} globs select files by their path below the directory.
 */
public final class InputPaths {

    /** A path that could not be turned into a source, with the reason. */
    public record Problem(String path, String message) {
    }

    /** Sources found, and the paths that could not be used. */
    public record Expansion(List<InputSource> sources, List<Problem> problems) {
    }

    /** Which files of a directory to read: globs over the path below the directory; empty include means all. */
    public record Selection(List<String> include, List<String> exclude) {

        public static final Selection ALL = new Selection(List.of(), List.of());

        public Selection {
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
        }

        /** The selection as a test on paths below a directory, globs compiled once. */
        java.util.function.Predicate<Path> compile() {
            List<PathMatcher> in = matchers(include);
            List<PathMatcher> out = matchers(exclude);
            return relative -> (in.isEmpty() || matches(in, relative)) && !matches(out, relative);
        }

        private static List<PathMatcher> matchers(List<String> globs) {
            return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        }

        private static boolean matches(List<PathMatcher> matchers, Path relative) {
            for (PathMatcher m : matchers) {
                if (m.matches(relative) || m.matches(relative.getFileName())) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Pattern ROTATED = Pattern.compile("^(.*?)(?:\\.(\\d{1,4}))?(?:\\.(?:gz|bz2|xz|zst))?$");

    private InputPaths() {
    }

    public static Expansion expand(List<String> paths) {
        return expand(paths, System.in, Selection.ALL);
    }

    /** As {@link #expand(List)}, reading {@code -} from the given stream and filtering directory contents. */
    public static Expansion expand(List<String> paths, InputStream stdin, Selection selection) {
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
                walk(path, selection, sources, problems);
            } else if (Files.isRegularFile(path)) {
                if (Files.isReadable(path)) {
                    sources.add(InputSource.file(path, p));
                } else {
                    problems.add(new Problem(p, "permission denied"));
                }
            } else if (Files.exists(path)) {
                problems.add(new Problem(p, "not a regular file"));
            } else if (Files.isSymbolicLink(path)) {
                problems.add(new Problem(p, "broken symbolic link"));
            } else {
                problems.add(new Problem(p, "no such file or directory"));
            }
        }
        return new Expansion(sources, problems);
    }

    private static void walk(Path root, Selection selection, List<InputSource> sources, List<Problem> problems) {
        List<Path> files = new ArrayList<>();
        java.util.function.Predicate<Path> selected = selection.compile();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(file) && selected.test(root.relativize(file))) {
                        if (Files.isReadable(file)) {
                            files.add(file);
                        } else {
                            problems.add(new Problem(file.toString(), "permission denied"));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new Problem(file.toString(), e instanceof FileSystemLoopException
                            ? "symbolic link loop, not followed" : "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new Problem(root.toString(), "cannot list directory: " + e.getMessage()));
        }
        files.sort(OLDEST_FIRST);
        for (Path f : files) {
            sources.add(InputSource.file(f, f.toString()));
        }
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Same directory and log name: higher rotation numbers are older; the unnumbered file is the newest. */
    static final Comparator<Path> OLDEST_FIRST = Comparator
            .comparing((Path p) -> p.resolveSibling(rotation(p).group(1)).toString())
            .thenComparingInt(p -> {
                String n = rotation(p).group(2);
                return n == null ? Integer.MAX_VALUE : -Integer.parseInt(n);
            })
            .thenComparing(Path::toString);

    private static Matcher rotation(Path p) {
        Matcher m = ROTATED.matcher(p.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("rotation pattern must match every name: " + p);
        }
        return m;
    }
}

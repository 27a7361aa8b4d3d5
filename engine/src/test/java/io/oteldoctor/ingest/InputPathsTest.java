package io.oteldoctor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPathsTest {

    @TempDir
    Path dir;

    private List<String> names(InputPaths.Expansion e) {
        return e.sources().stream().map(s -> dir.relativize(Path.of(s.name())).toString()).toList();
    }

    private InputPaths.Expansion expand(InputPaths.Selection selection) {
        return InputPaths.expand(List.of(dir.toString()), new ByteArrayInputStream(new byte[0]), selection);
    }

    @Test
    void rotatedLogsAreReadOldestFirst() throws IOException {
        for (String f : new String[] {"otelcol.log", "otelcol.log.1", "otelcol.log.2.gz", "otelcol.log.10.gz", "agent.log"}) {
            Files.writeString(dir.resolve(f), "x\n");
        }
        assertEquals(List.of("agent.log", "otelcol.log.10.gz", "otelcol.log.2.gz", "otelcol.log.1", "otelcol.log"),
                names(expand(InputPaths.Selection.ALL)));
    }

    @Test
    void hiddenEntriesAreLeftOutAndGlobsSelect() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config"), "x\n");
        Files.writeString(dir.resolve(".hidden.log"), "x\n");
        Files.createDirectories(dir.resolve("pods/otel"));
        Files.writeString(dir.resolve("pods/otel/0.log"), "x\n");
        Files.writeString(dir.resolve("notes.txt"), "x\n");
        assertEquals(List.of("notes.txt", "pods/otel/0.log"), names(expand(InputPaths.Selection.ALL)));
        assertEquals(List.of("pods/otel/0.log"), names(expand(new InputPaths.Selection(List.of("**.log"), List.of()))));
        assertEquals(List.of("notes.txt"), names(expand(new InputPaths.Selection(List.of(), List.of("pods/**")))));
    }

    @Test
    void symbolicLinkLoopsAreReportedNotFollowedForever() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/x.log"), "x\n");
        Files.createSymbolicLink(dir.resolve("a/loop"), dir);
        InputPaths.Expansion e = expand(InputPaths.Selection.ALL);
        assertEquals(List.of("a/x.log"), names(e));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("loop")), e.problems().toString());
    }

    @Test
    void missingPathsAreProblemsNotErrors() {
        InputPaths.Expansion e = InputPaths.expand(List.of(dir.resolve("nope").toString()), new ByteArrayInputStream(new byte[0]),
                InputPaths.Selection.ALL);
        assertTrue(e.sources().isEmpty());
        assertEquals("no such file or directory", e.problems().get(0).message());
    }
}

package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledLogLoadTest {

    /**
     * {@code eval corpus/} walks the whole module, the Node fault lab's installed packages included:
     * {@code node_modules/@opentelemetry/resources/LICENSE} sits in a folder named like a cause and
     * must not become a sample that expects {@code resources}.
     */
    @Test
    void packageTreesAreNotLabelledLogs(@TempDir Path root) throws Exception {
        Path pkg = Files.createDirectories(root.resolve("src/test/node/node_modules/@opentelemetry/resources"));
        Files.writeString(pkg.resolve("LICENSE"), "Apache License\n");
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"@opentelemetry/resources\"}\n");
        Path samples = Files.createDirectories(root.resolve("samples/resources"));
        Files.writeString(samples.resolve("oom.log"), "kernel: Out of memory: Killed process 4121 (otelcol-contrib)\n");
        Path labelled = Files.createDirectories(root.resolve("samples/other"));
        Files.writeString(labelled.resolve("x.log"), "#@ expect: none\nall fine\n");

        List<String> names = LabelledLog.load(root, Set.of("resources", "network")).stream().map(LabelledLog::name).toList();

        assertEquals(List.of("samples/other/x.log", "samples/resources/oom.log"), names);
    }
}

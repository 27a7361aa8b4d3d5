package io.oteldoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, run in its own JVM exactly as the launcher runs it. In-process tests share the
 * test class path and cannot see a class missing from the jar, a broken manifest or output that
 * leaks to the wrong stream.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target/otel-doctor.jar");

    @TempDir
    Path dir;

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    private Run run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        // files, not pipes: a report larger than the pipe buffer would block the child while we wait
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("otel-doctor did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void analysesTheBundledExamplesIncludingArchives() throws Exception {
        Path gz = dir.resolve("tls.log.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Path.of("../examples/tls/console-v0130-private-ca-unknown-authority.log")));
        }
        Run r = run("analyze", "--format", "json", "--group-by", "file", "../examples", gz.toString());
        assertEquals(1, r.exit(), r.stderr());
        assertTrue(r.stdout().startsWith("{"), "stdout is the report only");
        assertTrue(r.stdout().contains("\"schema\" : \"otel-doctor/report/1\""), r.stdout().substring(0, 200));
        assertTrue(r.stderr().isBlank(), "nothing on stderr for good input: " + r.stderr());
    }

    @Test
    void theToolsOwnWarningsGoToStderrInItsFormatUnlessALogbackFileIsNamed() throws Exception {
        byte[] log = Files.readAllBytes(Path.of("../examples/tls/console-v0130-private-ca-unknown-authority.log"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(log);
        }
        Path truncated = dir.resolve("cut.log.gz");
        Files.write(truncated, Arrays.copyOf(gz.toByteArray(), gz.size() / 2));

        Run r = run("analyze", truncated.toString());
        assertEquals(3, r.exit(), r.stderr());
        assertTrue(r.stderr().startsWith("otel-doctor: WARN Analyzer: " + truncated + ": compressed data is truncated"), r.stderr());
        assertTrue(!r.stderr().contains("SLF4J"), "SLF4J says nothing about how it was bound: " + r.stderr());

        Path config = dir.resolve("logback.xml");
        Files.writeString(config, """
                <configuration>
                  <appender name="E" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>MINE %level %msg%n</pattern></encoder>
                  </appender>
                  <root level="warn"><appender-ref ref="E"/></root>
                </configuration>
                """);
        Run configured = run(List.of("-Dlogback.configurationFile=" + config), "analyze", truncated.toString());
        assertEquals(3, configured.exit(), configured.stderr());
        assertTrue(configured.stderr().startsWith("MINE WARN " + truncated + ": compressed data is truncated"), configured.stderr());
    }

    @Test
    void versionAndUsage() throws Exception {
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.stdout().startsWith("otel-doctor "));
        Run usage = run("analyze", "--format", "yaml");
        assertEquals(2, usage.exit());
        assertEquals("", usage.stdout());
    }
}

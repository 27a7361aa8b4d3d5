package io.oteldoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipper contracts against a real rsyslogd (Debian's package), started on a private
 * configuration, socket and work directory, fed through its imfile and imuxsock inputs, and
 * stopped by PID. The follow process is the packaged jar, started by rsyslog itself.
 */
@Timeout(180)
class RsyslogIT {

    private static final Path JAR = Path.of("target/otel-doctor.jar").toAbsolutePath();
    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process rsyslog;

    private static String console(Instant t, String level, String message, String fields) {
        return t + "\t" + level + "\texporterhelper/queue_sender.go:101\t" + message + "\t{" + fields + "}";
    }

    private static String failure(Instant t) {
        return console(t, "error", "Exporting failed. Dropping data.", "\"kind\": \"exporter\", \"data_type\": \"traces\", "
                + "\"name\": \"otlp/vendor\", \"error\": \"Permanent error: rpc error: code = Unauthenticated desc = invalid API key\", "
                + "\"dropped_items\": 7");
    }

    private static String healthy(Instant t) {
        return console(t, "info", "Memory usage is within limits", "\"cur_mem_mib\": 120");
    }

    /** A wrapper rsyslog can exec (it runs no shell): records its PID, then becomes the JVM. */
    private Path doctor(String... args) throws IOException {
        Path script = dir.resolve("doctor.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/bin/sh\necho $$ >> '" + dir.resolve("doctor.pids") + "'\nexec '" + java
                + "' -XX:+UseSerialGC -jar '" + JAR + "' follow " + String.join(" ", args) + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private void start(String actions) throws Exception {
        assumeTrue(Files.isExecutable(RSYSLOGD), "rsyslogd is not installed (.ci/run installs it with apt-get); skipping the "
                + "rsyslog end-to-end tests");
        Files.createDirectories(dir.resolve("work"));
        Files.writeString(dir.resolve("otelcol.log"), "");
        String conf = "global(workDirectory=\"" + dir.resolve("work") + "\")\n"
                + "module(load=\"imuxsock\" SysSock.Use=\"off\")\n"
                + "input(type=\"imuxsock\" Socket=\"" + dir.resolve("log.sock") + "\")\n"
                + "module(load=\"imfile\")\n"
                + "input(type=\"imfile\" File=\"" + dir.resolve("otelcol.log") + "\" Tag=\"otelcol:\")\n"
                + actions;
        Files.writeString(dir.resolve("rsyslog.conf"), conf);
        rsyslog = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", dir.resolve("rsyslog.conf").toString(), "-i",
                dir.resolve("rsyslog.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        await(Duration.ofSeconds(20), () -> Files.exists(dir.resolve("log.sock")) && Files.exists(dir.resolve("rsyslog.pid")),
                "rsyslogd did not start");
    }

    @AfterEach
    void stop() throws Exception {
        if (rsyslog != null && rsyslog.isAlive()) {
            rsyslog.destroy(); // SIGTERM to the PID we started; the follow process gets EOF and ends
            if (!rsyslog.waitFor(15, TimeUnit.SECONDS)) {
                rsyslog.destroyForcibly();
            }
        }
        for (long pid : pids()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private List<Long> pids() throws IOException {
        Path f = dir.resolve("doctor.pids");
        return Files.exists(f) ? Files.readAllLines(f).stream().filter(l -> !l.isBlank()).map(Long::parseLong).toList() : List.of();
    }

    private void append(String... lines) throws IOException {
        Files.writeString(dir.resolve("otelcol.log"), String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }

    private void logger(String line) throws Exception {
        Process p = new ProcessBuilder("logger", "-u", dir.resolve("log.sock").toString(), "-t", "otelcol", line)
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "logger failed");
    }

    private long accounted() {
        try {
            Path state = dir.resolve("state.json");
            return Files.exists(state) ? JSON.readTree(state.toFile()).get("read").asLong() : 0;
        } catch (IOException e) {
            return -1; // replaced while read; the next poll sees it whole
        }
    }

    private static void await(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " within " + limit);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void omprogWithConfirmLosesNoLineWhenTheProcessIsKilled() throws Exception {
        Path script = doctor("--confirm", "--group-by", "host", "--state", "'" + dir.resolve("state.json") + "'",
                "--events-to", "'" + dir.resolve("events.ndjson") + "'");
        start("module(load=\"omprog\")\n"
                + "template(name=\"jm\" type=\"string\" string=\"%jsonmesg%\\n\")\n"
                + "action(type=\"omprog\" binary=\"" + script + "\" template=\"jm\" confirmMessages=\"on\" confirmTimeout=\"30000\" "
                + "forceSingleInstance=\"on\" action.resumeRetryCount=\"-1\" action.resumeInterval=\"1\" "
                + "output=\"" + dir.resolve("doctor.stderr") + "\")\n");
        Instant t = Instant.parse("2026-11-23T20:00:00Z");
        int sent = 0;
        for (int i = 0; i < 40; i++, sent++) {
            append(i % 4 == 0 ? failure(t.plusSeconds(i)) : healthy(t.plusSeconds(i)));
        }
        logger(failure(t.plusSeconds(40)));
        sent++;
        int firstBatch = sent;
        await(Duration.ofSeconds(60), () -> accounted() == firstBatch, "the first " + firstBatch + " lines accounted for");
        assertEquals(1, pids().size());

        // more lines, and SIGKILL while they are being confirmed
        for (int i = 41; i < 141; i++, sent++) {
            append(i % 4 == 0 ? failure(t.plusSeconds(i)) : healthy(t.plusSeconds(i)));
        }
        await(Duration.ofSeconds(30), () -> accounted() > firstBatch, "the second batch to start");
        ProcessHandle.of(pids().get(0)).orElseThrow().destroyForcibly();
        for (int i = 141; i < 161; i++, sent++) {
            logger(healthy(t.plusSeconds(i)));
        }
        int total = sent;
        await(Duration.ofSeconds(90), () -> accounted() >= total, "all " + total + " lines accounted for after the restart");
        Thread.sleep(1500); // a double count would show up as more
        assertEquals(total, accounted(), "every line counted exactly once across the kill");
        assertTrue(pids().size() >= 2, "rsyslog restarted the killed process");

        List<String> events = Files.readAllLines(dir.resolve("events.ndjson"));
        JsonNode opened = JSON.readTree(events.get(0));
        assertEquals("opened", opened.get("event").asText());
        assertEquals("auth", opened.get("cause").asText());
        assertEquals("otlp/vendor", opened.get("component").asText());
        String stderr = Files.exists(dir.resolve("doctor.stderr")) ? Files.readString(dir.resolve("doctor.stderr")) : "";
        assertTrue(!stderr.contains("internal error"), stderr);
    }

    @Test
    void mmexternalGetsOneReplyPerMessageAndTheMessageFlowsOnAnnotated() throws Exception {
        Path script = doctor("--annotate", "--events-to", "'" + dir.resolve("events.ndjson") + "'");
        Path annotated = dir.resolve("annotated.log");
        start("module(load=\"mmexternal\")\n"
                + "template(name=\"annotated\" type=\"string\" string=\"%msg% diag=%$!otelcol_diag!cause%\\n\")\n"
                + "action(type=\"mmexternal\" binary=\"" + script + "\" interface.input=\"fulljson\" forceSingleInstance=\"on\")\n"
                + "action(type=\"omfile\" file=\"" + annotated + "\" template=\"annotated\")\n");
        Instant t = Instant.parse("2026-11-23T21:00:00Z");
        append(healthy(t));
        append(failure(t.plusSeconds(1)), failure(t.plusSeconds(2)), healthy(t.plusSeconds(3)));
        await(Duration.ofSeconds(60), () -> lines(annotated) == 4, "four annotated messages");
        List<String> out = Files.readAllLines(annotated, StandardCharsets.UTF_8);
        assertTrue(out.get(0).endsWith(" diag="), "nothing open before the first failure: " + out.get(0));
        assertTrue(out.get(1).endsWith(" diag=auth"), out.get(1));
        assertTrue(out.get(3).contains("Memory usage is within limits") && out.get(3).endsWith(" diag=auth"),
                "later messages carry the open problem: " + out.get(3));
    }

    private static long lines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}

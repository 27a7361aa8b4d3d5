package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.ingest.InputPaths;
import io.oteldoctor.ingest.InputSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sidecar label files ({@code .NAME.labels} beside a log {@code NAME}): labels for logs that must
 * stay clean, such as the bundled examples.
 */
class LabelledLogSidecarTest {

    private static final String APP = "2025-06-10T09:12:40.000Z\tinfo\tservice@v0.130.0/service.go:239\tEverything is ready. Begin running and processing data.\n";
    private static final String TLS = "2025-06-10T09:12:44.123Z\twarn\tgrpc@v1.73.0/clientconn.go:1414\t[core] [Channel #1 SubChannel #2]grpc: addrConn.createTransport failed to connect to {Addr: \"10.0.0.7:4317\"}. "
            + "Err: connection error: desc = \"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\"\n";

    @TempDir
    Path root;

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private List<LabelledLog> load() {
        return LabelledLog.load(root, Corpus.CAUSES);
    }

    @Test
    void sidecarLabelsApplyLikeHeaderLabelsAndLeaveTheLogAsItIs() throws IOException {
        write("tls/a.log", APP + APP + TLS);
        write("tls/.a.log.labels", "#@ expect-component: otlp/gateway\n#@ why: the x509 error names the cause\n\n#@ cite: 3\n#@ cite: x509\n");
        write("headed/b.log", "#@ expect: tls\n#@ expect-component: otlp/gateway\n#@ why: the x509 error names the cause\n#@ cite: 8\n#@ cite: x509\n"
                + APP + APP + TLS);

        List<LabelledLog> logs = load();
        assertEquals(List.of("headed/b.log", "tls/a.log"), logs.stream().map(LabelledLog::name).toList());
        LabelledLog headed = logs.get(0);
        LabelledLog side = logs.get(1);
        assertEquals("tls", side.expect(), "the folder still gives the cause when the sidecar does not");
        assertEquals(APP + APP + TLS, side.log(), "nothing of the sidecar enters the log");
        assertEquals(0, side.headerLines());
        assertEquals(headed.expectComponent(), side.expectComponent());
        assertEquals(headed.why(), side.why());
        assertEquals(headed.cite(), side.cite(), "file line 8 under a 5-line header is the sidecar's line 3: both the log's third line");
        assertEquals(List.of(3L), List.copyOf(side.cite().get(0).lines()));
    }

    @Test
    void aSidecarLabelsALogOutsideACauseFolder() throws IOException {
        write("misc/a.log", APP + TLS);
        write("misc/unlabelled.log", APP + TLS);
        assertEquals(List.of(), load(), "neither header, sidecar nor cause folder: not a labelled log");
        write("misc/.a.log.labels", "#@ expect: tls\n#@ cite: 2\n");
        LabelledLog a = load().get(0);
        assertEquals("misc/a.log", a.name());
        assertEquals("tls", a.expect());
        assertEquals(1, load().size());
    }

    @Test
    void aSidecarOverridesTheFolderAsAHeaderDoes() throws IOException {
        write("network/a.log", APP + TLS);
        write("network/.a.log.labels", "#@ expect: tls\n");
        assertEquals("tls", load().get(0).expect());
    }

    @Test
    void aHeaderAndASidecarOnOneLogAreAnError() throws IOException {
        write("tls/a.log", "#@ cite: 2\n" + APP + TLS);
        write("tls/.a.log.labels", "#@ cite: 2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::load);
        assertTrue(e.getMessage().contains("tls/a.log: labelled twice"), e.getMessage());
        assertTrue(e.getMessage().contains("tls/.a.log.labels"), e.getMessage());
    }

    /** A sidecar starts with '#@ ' like a headed sample, so without care it would be a log labelled by its own lines. */
    @Test
    void sidecarsAreNeverLoadedAsLogs() throws IOException {
        write("tls/a.log", APP + TLS);
        write("tls/.a.log.labels", "#@ expect: tls\n#@ cite: 2\n");
        write("healthy/h.log", APP);
        write("healthy/.h.log.labels", "#@ why: start-up only\n");
        List<String> names = load().stream().map(LabelledLog::name).toList();
        assertEquals(List.of("healthy/h.log", "tls/a.log"), names);
    }

    /** The sidecar is hidden so that analysing the folder, as users do with examples/, never reads it. */
    @Test
    void analysingTheFolderLeavesSidecarsOut() throws IOException {
        Path log = write("tls/a.log", APP + TLS);
        write("tls/.a.log.labels", "#@ cite: x509: certificate signed by unknown authority\n");
        assertEquals(root.resolve("tls/.a.log.labels"), LabelledLog.sidecar(log));
        List<InputSource> sources = InputPaths.expand(List.of(root.toString())).sources();
        assertEquals(List.of(log.toString()), sources.stream().map(InputSource::name).toList());
    }

    @Test
    void aSidecarThatLabelsNoLogIsAnError() throws IOException {
        write("tls/a.log", APP + TLS);
        write("tls/a.log.labels", "#@ cite: 2\n");
        IllegalArgumentException visible = assertThrows(IllegalArgumentException.class, this::load);
        assertTrue(visible.getMessage().contains("rename it .a.log.labels"), visible.getMessage());
        Files.delete(root.resolve("tls/a.log.labels"));

        write("tls/.renamed.log.labels", "#@ cite: 2\n");
        IllegalArgumentException orphan = assertThrows(IllegalArgumentException.class, this::load);
        assertTrue(orphan.getMessage().contains("tls/renamed.log, which does not exist"), orphan.getMessage());
        Files.delete(root.resolve("tls/.renamed.log.labels"));

        write("tls/notes.md", "about these logs\n");
        write("tls/.notes.md.labels", "#@ cite: 1\n");
        IllegalArgumentException notALog = assertThrows(IllegalArgumentException.class, this::load);
        assertTrue(notALog.getMessage().contains("which is not a log"), notALog.getMessage());
    }

    @Test
    void sidecarCitesAreCheckedAgainstTheLogsOwnLines() throws IOException {
        write("tls/a.log", APP + TLS);
        Path labels = write("tls/.a.log.labels", "#@ cite: 1-2\n");
        assertEquals(List.of(1L, 2L), List.copyOf(load().get(0).cite().get(0).lines()));
        for (String bad : new String[] {"3", "0", "2-3", "certificate has expired"}) {
            Files.writeString(labels, "#@ cite: " + bad + "\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::load, bad);
            assertTrue(e.getMessage().startsWith("tls/a.log: cite"), e.getMessage());
        }
        Files.writeString(labels, "#@ cite: 2\n");
        assertFalse(load().get(0).cite().isEmpty());
    }

    @Test
    void aSidecarHoldsLabelsOnly() throws IOException {
        write("tls/a.log", APP + TLS);
        Path labels = write("tls/.a.log.labels", "#@ cite: 2\nx509 is the proof\n");
        IllegalArgumentException prose = assertThrows(IllegalArgumentException.class, this::load);
        assertTrue(prose.getMessage().startsWith("tls/.a.log.labels: every line"), prose.getMessage());
        Files.writeString(labels, "#@ quote: 2\n");
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, this::load);
        assertTrue(key.getMessage().startsWith("tls/.a.log.labels: unknown label key"), key.getMessage());
        Files.writeString(labels, "#@ cite: 2\n");
        assertNull(load().get(0).why());
    }
}

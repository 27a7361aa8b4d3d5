package io.oteldoctor.cli.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.follow.DiagnosisEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file follow mode keeps across restarts: what it saves comes back, and a file it did not write is refused. */
class CheckpointTest {

    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsLoadedAgain() throws IOException {
        Checkpoint checkpoint = new Checkpoint(dir.resolve("state.json"));
        String digest = Checkpoint.digest("2025-09-25T06:00:43Z error exporting".getBytes(StandardCharsets.UTF_8));
        checkpoint.save(new DiagnosisEvent.Input(12, 7, 4, 1, 2), digest);

        Checkpoint.State state = checkpoint.load();
        assertEquals(new Checkpoint.State(Checkpoint.SCHEMA, 12, 7, 4, 1, 2, digest), state);
        assertTrue(Files.notExists(dir.resolve("state.json.tmp")), "the file written aside is renamed into place");
    }

    @Test
    void noLineCountedYetIsSavedAsNoDigest() throws IOException {
        Checkpoint checkpoint = new Checkpoint(dir.resolve("state.json"));
        checkpoint.save(new DiagnosisEvent.Input(0, 0, 0, 0, 0), null);

        assertNull(checkpoint.load().lastLine());
    }

    @Test
    void aMissingFileIsAFreshStart() throws IOException {
        assertEquals(new Checkpoint.State(Checkpoint.SCHEMA, 0, 0, 0, 0, 0, null), new Checkpoint(dir.resolve("none.json")).load());
    }

    @Test
    void aFileOfAnotherSchemaOrWithUnknownFieldsIsRefused() throws IOException {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"schema\":\"otel-doctor/follow-state/2\",\"read\":3}");
        IOException schema = assertThrows(IOException.class, () -> new Checkpoint(other).load());
        assertTrue(schema.getMessage().contains("otel-doctor/follow-state/2"), schema.getMessage());

        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"schema\":\"" + Checkpoint.SCHEMA + "\",\"read\":3,\"offset\":99}");
        assertThrows(IOException.class, () -> new Checkpoint(unknown).load());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schema\":\"" + Checkpoint.SCHEMA + "\",\"read\":");
        assertThrows(IOException.class, () -> new Checkpoint(broken).load());
    }
}

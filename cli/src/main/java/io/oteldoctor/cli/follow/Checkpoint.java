package io.oteldoctor.cli.follow;

import com.fasterxml.jackson.jr.ob.JSON;
import io.oteldoctor.follow.DiagnosisEvent;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What follow mode must not forget when it is killed and started again by its shipper: how many
 * lines it has accounted for, and which line it accounted for last. rsyslog sends a message again
 * when it got no {@code OK} for it; if the process died between counting a line and confirming
 * it, the new process recognises the repeat by its digest and confirms it without counting it
 * twice.
 *
 * <p>The file is replaced atomically (written aside, then renamed), so a kill at any moment leaves
 * either the old or the new state. It survives the process, not the host: the rename is not
 * synced to disk.
 */
final class Checkpoint {

    // a field this version does not know means the file is not its own: refuse it rather than drop the field
    private static final JSON STATE = JSON.builder().enable(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY).build();

    /** The saved state; {@code lastLine} is the hex SHA-256 of the last line counted. */
    record State(String schema, long read, long parsed, long skipped, long unrecognized, long late, String lastLine) {
    }

    static final String SCHEMA = "otel-doctor/follow-state/1";

    private final Path file;
    private final Path aside;

    Checkpoint(Path file) {
        this.file = file;
        this.aside = file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** The saved state, or an empty one when there is none yet. */
    State load() throws IOException {
        if (!Files.exists(file)) {
            return new State(SCHEMA, 0, 0, 0, 0, 0, null);
        }
        State s = STATE.beanFrom(State.class, file.toFile());
        if (!SCHEMA.equals(s.schema())) {
            throw new IOException(file + ": not a follow state file of this version (" + s.schema() + ")");
        }
        return s;
    }

    /** @param lastLine the digest of the last line counted ({@link #digest}), or null */
    void save(DiagnosisEvent.Input input, String lastLine) throws IOException {
        State s = new State(SCHEMA, input.read(), input.parsed(), input.skipped(), input.unrecognized(), input.late(), lastLine);
        STATE.write(s, aside.toFile());
        try {
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String digest(byte[] line) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}

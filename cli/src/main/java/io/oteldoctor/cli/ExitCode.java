package io.oteldoctor.cli;

/** Exit codes of the otel-doctor command; documented in docs/user-guide.md and {@code --help}. */
public enum ExitCode {
    /** All input was read and no export problem was found. */
    HEALTHY(0),
    /** At least one problem was diagnosed (and all input was read). */
    PROBLEMS_FOUND(1),
    /** The command line was wrong; nothing was analysed. */
    USAGE(2),
    /** Some input could not be read (missing, unreadable, truncated); the report covers the rest. */
    INPUT_ERROR(3),
    /** otel-doctor itself failed; please report it. */
    INTERNAL_ERROR(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

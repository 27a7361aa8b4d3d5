package io.oteldoctor.ingest;

/**
 * The layouts a log line can arrive in. Transports (journald) wrap one of the inner layouts;
 * {@link #PLAIN} covers SDK loggers and anything else whose text is the message itself.
 */
public enum InputFormat {
    COLLECTOR_CONSOLE("collector-console"),
    COLLECTOR_JSON("collector-json"),
    JOURNAL_JSON("journal-json"),
    JOURNAL_SHORT("journal-short"),
    PLAIN("plain");

    private final String id;

    InputFormat(String id) {
        this.id = id;
    }

    /** Stable name used in reports and on the command line. */
    public String id() {
        return id;
    }
}

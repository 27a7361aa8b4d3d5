package io.oteldoctor.analysis;

import io.oteldoctor.ingest.InputFormat;
import io.oteldoctor.ingest.LogRecord;
import io.oteldoctor.ingest.RecordShape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What recently parsed one-line records came to, by their {@link RecordShape}: a later record of
 * the same shape in the same log reads as the remembered one did, at its own line and time,
 * without being parsed or read again. An exporter that keeps failing writes the same few records
 * over and over, so most of an error-heavy log is read this way.
 */
final class RecentShapes {

    /** Shapes remembered; a log with more distinct records in rotation than this is just slower. */
    static final int CAPACITY = 1024;

    /** A remembered record: the layout it was parsed as and what it came to. */
    record Remembered(String logName, InputFormat format, Reading reading) {
    }

    private final Map<Object, Remembered> byShape = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Remembered> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The remembered record of this shape in this log, or null: then the record must be parsed. */
    Remembered get(RecordShape shape, String logName) {
        Remembered r = byShape.get(shape.key());
        return r != null && r.logName.equals(logName) ? r : null;
    }

    /** Remembers what a parsed record came to, when its shape vouches for it ({@link RecordShape#vouchesFor}). */
    void remember(RecordShape shape, String logName, LogRecord record, Reading reading) {
        if (shape.vouchesFor(record)) {
            byShape.put(shape.keptKey(), new Remembered(logName, record.format(), reading));
        }
    }
}

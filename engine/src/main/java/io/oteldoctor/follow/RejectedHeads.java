package io.oteldoctor.follow;

import io.oteldoctor.ingest.LogRecord;
import io.oteldoctor.ingest.RecordShape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follow mode reads the time and the group of every record the prefilter rejects, to move its
 * clock; parsing each of them was most of a replay's cost. A console record of a shape seen
 * recently in the same source (its text with the time's digits masked and every field value of
 * its fields object blanked) has the layout, the host and the place of its time that the record
 * remembered for that shape had: its time is read from the shape and its group remembered.
 * JSON lines keep their field values, since a shipper's JSON may carry the host in one.
 */
final class RejectedHeads {

    /** Shapes remembered, as many as a batch reader remembers: at most 4 MiB of keys in a long-running follower. */
    static final int CAPACITY = 1024;

    private record Known(String source, String group) {
    }

    private final byte[] scratch = new byte[RecordShape.SCRATCH_BYTES];
    private final Map<Object, Known> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Known> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The shape of a rejected record's head line, or null when it has none. */
    RecordShape shape(byte[] head) {
        return head.length > 0 && head[0] == '{'
                ? RecordShape.of(head, NO_FIELDS, scratch)
                : RecordShape.of(head, RecordShape.EVERY_FIELD, scratch);
    }

    /** The group of a record of this shape in this source, or null: then the record must be parsed. */
    String group(RecordShape shape, String source) {
        Known k = known.get(shape.key());
        return k != null && k.source().equals(source) ? k.group() : null;
    }

    /** Remembers the group a parsed record of this shape came to, when the shape vouches for the record. */
    void remember(RecordShape shape, String source, LogRecord record, String group) {
        if (shape.vouchesFor(record)) {
            known.put(shape.keptKey(), new Known(source, group));
        }
    }

    private static final byte[][] NO_FIELDS = {};
}

package io.oteldoctor.analysis;

import io.oteldoctor.ingest.LogRecord;
import io.oteldoctor.ingest.RawRecord;
import io.oteldoctor.ingest.RecordParser;
import io.oteldoctor.ingest.RecordShape;
import io.oteldoctor.ingest.SourceStats;
import io.oteldoctor.signature.Envelope;
import io.oteldoctor.signature.Signal;
import io.oteldoctor.signature.SignatureExtractor;
import java.time.Instant;

/**
 * Parses candidate records and reads them into signals. Not thread-safe: each thread that reads
 * has its own. A one-line record of a shape read recently in the same log is not parsed again
 * (see {@link RecentShapes}) unless the options turn remembering off.
 */
final class CandidateReader {

    private static final byte[][] UNREAD_FIELDS = RecordShape.fieldNames(SignatureExtractor.PER_OCCURRENCE_FIELDS);

    private final AnalysisOptions options;
    private final RecordParser parser;
    private final SignatureExtractor extractor = new SignatureExtractor();
    // a forced layout reads lines by other rules than detection does, so shapes are not used
    private final RecentShapes recent;
    private final byte[] scratch = new byte[RecordShape.SCRATCH_BYTES];
    private long readByShape;

    CandidateReader(AnalysisOptions options) {
        this.options = options;
        this.parser = new RecordParser(options.inputFormat());
        this.recent = options.remember() && options.inputFormat() == null ? new RecentShapes() : null;
    }

    Reading read(RawRecord raw, String logName, SourceStats stats) {
        RecordShape shape = recent != null && raw.lines().size() == 1 ? RecordShape.of(raw.lines().get(0), UNREAD_FIELDS, scratch) : null;
        if (shape != null) {
            RecentShapes.Remembered same = recent.get(shape, logName);
            Instant time = same == null ? null : shape.timestamp();
            if (time != null) {
                stats.parsed(same.format(), 1);
                readByShape++;
                return same.reading().at(raw.firstLine(), time);
            }
        }
        LogRecord record = parser.parse(raw);
        if (record == null) {
            stats.unrecognized(raw.lines().size());
            return Reading.UNRECOGNIZED;
        }
        stats.parsed(record.format(), raw.lines().size());
        String group = options.groupBy().groupOf(logName, record.host());
        Signal signal = extractor.extract(record, group);
        boolean matters = signal.hasCause() || signal.getEnvelope() != Envelope.NONE;
        Reading reading = new Reading(true, group, matters ? signal : null);
        if (shape != null) {
            if (reading.signal() != null) {
                // once per remembered shape: its copies share the key instead of each making its own on the rules' thread
                reading.signal().conditions();
            }
            recent.remember(shape, logName, record, reading);
        }
        return reading;
    }

    /** Records read through a remembered shape, not parsed. */
    long readByShape() {
        return readByShape;
    }
}

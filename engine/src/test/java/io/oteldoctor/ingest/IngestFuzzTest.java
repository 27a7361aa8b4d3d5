package io.oteldoctor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.oteldoctor.signature.SignatureExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Any bytes at all, through everything that reads input: the opener (compression and archives),
 * the scanner, record assembly, the parser for every layout and the signature extractor. Nothing
 * may throw but a declared IOException from damaged compressed data, and every line read must be
 * accounted for. In a normal build Jazzer fuzzes this for a bounded time; findings are saved under
 * src/test/resources/.../IngestFuzzTestInputs and replayed by every later run.
 */
class IngestFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreReadWithoutLoss(byte[] data) {
        RecordParser parser = new RecordParser();
        SignatureExtractor extractor = new SignatureExtractor();
        try {
            LogOpener.open("fuzz", new ByteArrayInputStream(data), (name, in) -> {
                SourceStats stats = new SourceStats(name);
                // a filter that lets every other line through exercises both record paths
                RecordAssembler assembler = new RecordAssembler(name, stats, raw -> {
                    LogRecord record = parser.parse(raw);
                    if (record == null) {
                        stats.unrecognized(raw.lines().size());
                    } else {
                        stats.parsed(record.format(), raw.lines().size());
                        extractor.extract(record, "g");
                    }
                }, host -> { });
                new LineScanner(4096, (b, s, e) -> ((e - s) & 1) == 0).scan(in, assembler);
                SourceAccounting a = stats.snapshot();
                assertEquals(a.read(), a.parsed() + a.skippedNoSignature() + a.skippedBlank() + a.unrecognized(), "lines unaccounted");
            });
        } catch (IOException expected) {
            // damaged compressed data is reported to the user, not a bug
        }
        for (int i = 0; i < data.length; i++) {
            int m = Layouts.messageStart(data, i, data.length);
            if (m != Layouts.SELF_CONTAINED) {
                Layouts.isContinuation(data, m, data.length);
            }
            Layouts.isPartial(data, i, data.length);
            Layouts.hostOf(data, i, data.length);
            if (i > 64) {
                break;
            }
        }
    }
}

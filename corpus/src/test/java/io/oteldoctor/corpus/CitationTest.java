package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code #@ cite:} labels: how they are read, and how a citation is judged against them. */
class CitationTest {

    private static final String APP = "2025-06-10T09:12:40.000Z\tinfo\tservice@v0.130.0/service.go:239\tEverything is ready. Begin running and processing data.\n";
    private static final String AUTH = "2025-06-10T09:12:44.123Z\terror\tinternal/queue_sender.go:51\tExporting failed. Dropping data.\t"
            + "{\"otelcol.component.id\": \"otlp/vendor\", \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"traces\", "
            + "\"error\": \"not retryable error: Permanent error: rpc error: code = Unauthenticated desc = invalid API key\", \"dropped_items\": 12}\n";

    @TempDir
    Path dir;

    private LabelledLog sample(String header, String body) throws IOException {
        Path file = Files.writeString(dir.resolve("s.log"), header + body);
        return LabelledLog.read(dir, file, Corpus.CAUSES);
    }

    @Test
    void lineLabelsAreFileLinesHeldAsLogLines() throws IOException {
        LabelledLog s = sample("#@ expect: auth\n#@ cite: 4, 5-5\n", APP + APP + AUTH);
        assertEquals(2, s.headerLines());
        assertEquals(List.of(2L, 3L), List.copyOf(s.cite().get(0).lines()));
    }

    @Test
    void labelsThatPointAtNothingAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> sample("#@ expect: auth\n#@ cite: 9\n", APP + AUTH));
        assertThrows(IllegalArgumentException.class, () -> sample("#@ expect: auth\n#@ cite: 2\n", APP + AUTH), "a header line");
        assertThrows(IllegalArgumentException.class, () -> sample("#@ expect: auth\n#@ cite: certificate expired\n", APP + AUTH));
        assertThrows(IllegalArgumentException.class, () -> sample("#@ expect: none\n#@ cite: Everything\n", APP));
    }

    @Test
    void quotedDigitsAreText() throws IOException {
        LabelledLog s = sample("#@ expect: auth\n#@ cite: \"12\"\n", APP + AUTH);
        assertEquals("12", s.cite().get(0).text());
    }

    @Test
    void theRightCauseFromTheProvingLineIsAHit() throws IOException {
        Evaluation.Outcome byText = Corpus.EVALUATION.run(sample("#@ expect: auth\n#@ cite: code = Unauthenticated\n", APP + AUTH), true);
        assertTrue(byText.top1() && byText.citationChecked());
        assertFalse(byText.partialMiss(), byText.diagnoses().toString());
        Evaluation.Outcome byLine = Corpus.EVALUATION.run(sample("#@ expect: auth\n#@ cite: 5\n", APP + APP + AUTH), true);
        assertFalse(byLine.partialMiss(), byLine.diagnoses().toString());
    }

    @Test
    void theRightCauseFromAnotherLineIsAPartialMiss() throws IOException {
        Evaluation.Outcome o = Corpus.EVALUATION.run(sample("#@ expect: auth\n#@ cite: 3\n", APP + AUTH), true);
        assertTrue(o.top1());
        assertTrue(o.partialMiss(), "the diagnosis cites file line 4 (log line 2); the label names only the start-up line 3");
        assertEquals(List.of(2L), o.wronglyCited());
        Scores scores = Scores.of(List.of(o));
        assertEquals(1, scores.citations().partialMisses());
        assertEquals(List.of(4L), scores.citations().partial().get(0).cited(), "reported as the file numbers its lines");
        assertTrue(scores.table().contains("1 partial misses"), scores.table());
    }

    @Test
    void aWrongCauseIsAMissNotAPartialMiss() throws IOException {
        Evaluation.Outcome o = Corpus.EVALUATION.run(sample("#@ expect: tls\n#@ cite: Unauthenticated\n", APP + AUTH), true);
        assertFalse(o.top1());
        assertFalse(o.citationChecked());
        assertFalse(o.partialMiss());
    }
}

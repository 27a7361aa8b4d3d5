package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.diagnosis.Diagnosis;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample's header is a test: what must rank first, what must also appear, what must not. */
class SampleTest {

    static Stream<LabelledLog> samples() {
        return Corpus.samples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void diagnosesWhatTheSampleSays(LabelledLog sample) {
        List<Diagnosis> diagnoses = Corpus.EVALUATION.run(sample, true).diagnoses();
        String seen = diagnoses.stream().map(d -> d.cause() + "@" + d.component() + " " + d.confidence())
                .collect(Collectors.joining(", "));
        if (sample.expect().equals(LabelledLog.NONE)) {
            assertTrue(diagnoses.isEmpty(), sample + " must yield no diagnosis, got: " + seen);
            return;
        }
        assertFalse(diagnoses.isEmpty(), sample + " must yield " + sample.expect() + ", got nothing");
        Diagnosis top = diagnoses.get(0);
        assertEquals(sample.expect(), top.cause(), sample + " (" + sample.why() + ") ranked: " + seen);
        if (sample.expectComponent() != null) {
            assertEquals(sample.expectComponent(), top.component(), sample + " ranked: " + seen);
        }
        for (String also : sample.expectAlso()) {
            assertTrue(diagnoses.stream().anyMatch(d -> d.cause().equals(also)), sample + " must also show " + also + ", got: " + seen);
        }
        for (String not : sample.expectNot()) {
            assertTrue(diagnoses.stream().noneMatch(d -> d.cause().equals(not)), sample + " must not show " + not + ", got: " + seen);
        }
        long lines = sample.log().lines().count();
        assertFalse(top.evidence().isEmpty(), sample + ": the top diagnosis cites no evidence");
        for (Diagnosis.CitedEvidence e : top.evidence()) {
            assertTrue(e.line() >= 1 && e.line() <= lines, sample + ": cited line " + e.line() + " is outside the log");
            assertFalse(e.text().isBlank(), sample + ": cited evidence without text");
        }
    }
}

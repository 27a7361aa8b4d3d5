package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldoctor.report.Report;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prefilter is derived from the rules' trigger metadata so that it can never drop a line a
 * rule would match. This checks the promise: every sample and every bundled example gives the same
 * diagnoses, with the same evidence, whether or not the prefilter runs.
 */
class PrefilterEquivalenceTest {

    static Stream<LabelledLog> logs() {
        return Corpus.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void sameDiagnosesWithAndWithoutPrefilter(LabelledLog log) {
        Report filtered = Corpus.EVALUATION.run(log, true).report();
        Report unfiltered = Corpus.EVALUATION.run(log, false).report();
        assertEquals(unfiltered.groups(), filtered.groups(), log.name());
        assertEquals(unfiltered.input().totals().read(), filtered.input().totals().read(), log.name());
    }
}

package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.analysis.AnalysisOptions;
import io.oteldoctor.analysis.Analyzer;
import io.oteldoctor.analysis.GroupBy;
import io.oteldoctor.ingest.InputSource;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.report.Report;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A one-line record of a shape read before is not parsed again, and the signature session reuses
 * what the rules said about a signal for later signals with the same conditions. That must change
 * nothing but speed: every sample, and long mixes of samples in which the same failures come back
 * many times, give the same report with and without it.
 */
class RememberedOutcomesEquivalenceTest {

    private static final Rulebase RULEBASE = Rulebase.bundled();

    static Stream<LabelledLog> logs() {
        return Corpus.all().stream();
    }

    private static Report analyze(String name, String log, AnalysisOptions options) {
        return new Analyzer(RULEBASE, Corpus.CATALOGUE, options, "test").analyze(List.of(InputSource.ofString(name, log)), List.of());
    }

    /** @return how many signals reached the rules */
    private static long assertSame(String name, String log, GroupBy by) {
        AnalysisOptions options = AnalysisOptions.defaults().withGroupBy(by);
        Report remembered = analyze(name, log, options);
        Report every = analyze(name, log, options.withRemembering(false));
        assertEquals(every.input(), remembered.input(), name);
        assertEquals(every.groups(), remembered.groups(), name);
        assertEquals(every.stats().signals(), remembered.stats().signals(), name);
        return remembered.stats().signals();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void everySample(LabelledLog log) {
        assertSame(log.name(), log.log(), GroupBy.NONE);
    }

    @Test
    void repeatedMixesOfSamples() {
        List<LabelledLog> all = Corpus.all();
        int repeatedSignals = 0;
        for (int seed = 0; seed < 30; seed++) {
            Random random = new Random(seed);
            List<LabelledLog> picked = Stream.generate(() -> all.get(random.nextInt(all.size()))).limit(2 + random.nextInt(4)).toList();
            StringBuilder text = new StringBuilder();
            for (int n = 20 + random.nextInt(60); n > 0; n--) {
                String log = picked.get(random.nextInt(picked.size())).log();
                text.append(log).append(log.endsWith("\n") ? "" : "\n");
            }
            repeatedSignals += assertSame("mix-" + seed, text.toString(), seed % 2 == 0 ? GroupBy.NONE : GroupBy.HOST) > 0 ? 1 : 0;
        }
        assertTrue(repeatedSignals >= 20, "most mixes hold failures the rules see again and again");
    }
}

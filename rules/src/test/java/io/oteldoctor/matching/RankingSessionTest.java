package io.oteldoctor.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldoctor.diagnosis.SourceExtent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A group without evidence or component state is answered without a rule session, so that a run
 * over a healthy log need not wait for the KieBase. That holds only while no correlation or
 * ranking rule can start from a source's extent alone; the bundled rules are held to it here.
 */
class RankingSessionTest {

    private static final RankingSession RANKING = new RankingSession(Rulebase.bundled());

    static Stream<List<SourceExtent>> extents() {
        return Stream.of(
                List.of(),
                List.of(new SourceExtent("-", 0)),
                List.of(new SourceExtent("otelcol.log", 1)),
                List.of(new SourceExtent("a.log", 40), new SourceExtent("b.log", 2_000_000)),
                List.of(new SourceExtent("huge.log", Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @MethodSource("extents")
    void extentsAloneStartNoRule(List<SourceExtent> extents) {
        RankingSession.Result inSession = RANKING.rankInSession(List.of(), List.of(), extents);
        assertEquals(List.of(), inSession.hypotheses(), "a rule made a hypothesis from source extents alone");
        assertEquals(List.of(), inSession.evidence(), "a rule made evidence from source extents alone");
        assertEquals(inSession, RANKING.rank(List.of(), List.of(), extents));
    }
}

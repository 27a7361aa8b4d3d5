package io.oteldoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.diagnosis.Diagnosis;
import io.oteldoctor.report.Report;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture's header is a test: what must be diagnosed first, what must appear, what must not. */
class RuleFixtureTest {

    static Stream<Fixture> fixtures() {
        return Fixture.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void diagnosesWhatTheFixtureSays(Fixture f) {
        Report report = Engine.analyze(f.name(), f.log(), true);
        List<Diagnosis> diagnoses = report.groups().get(0).diagnoses();
        String seen = diagnoses.stream().map(d -> d.cause() + "@" + d.component() + " " + d.confidence())
                .collect(Collectors.joining(", "));
        if (f.expect().equals("none")) {
            assertTrue(diagnoses.isEmpty(), f.name() + " must yield no diagnosis, got: " + seen);
            return;
        }
        assertFalse(diagnoses.isEmpty(), f.name() + " must yield " + f.expect() + ", got nothing");
        Diagnosis top = diagnoses.get(0);
        assertEquals(f.expect(), top.cause(), f.name() + " (" + f.why() + ") ranked: " + seen);
        if (f.expectComponent() != null) {
            assertEquals(f.expectComponent(), top.component(), f.name() + " ranked: " + seen);
        }
        for (String also : f.expectAlso()) {
            assertTrue(diagnoses.stream().anyMatch(d -> d.cause().equals(also)), f.name() + " must also show " + also + ", got: " + seen);
        }
        for (String not : f.expectNot()) {
            assertTrue(diagnoses.stream().noneMatch(d -> d.cause().equals(not)), f.name() + " must not show " + not + ", got: " + seen);
        }
        long lines = f.log().lines().count();
        assertFalse(top.evidence().isEmpty(), f.name() + ": the top diagnosis cites no evidence");
        for (Diagnosis.CitedEvidence e : top.evidence()) {
            assertTrue(e.line() >= 1 && e.line() <= lines, f.name() + ": cited line " + e.line() + " is outside the log");
            assertFalse(e.text().isBlank(), f.name() + ": cited evidence without text");
        }
    }
}

package io.oteldoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldoctor.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prefilter is derived from the rules' trigger metadata so that it can never drop a line a
 * rule would match. This checks the promise: every fixture and every bundled example gives the
 * same diagnoses, with the same evidence, whether or not the prefilter runs.
 */
class PrefilterEquivalenceTest {

    static Stream<Object[]> logs() throws IOException {
        List<Object[]> out = new ArrayList<>();
        for (Fixture f : Fixture.all()) {
            out.add(new Object[] {f.name(), f.log()});
        }
        Path examples = Path.of("../examples");
        try (Stream<Path> files = Files.walk(examples)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().toList()) {
                out.add(new Object[] {p.toString(), Files.readString(p)});
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void sameDiagnosesWithAndWithoutPrefilter(String name, String log) {
        Report filtered = Engine.analyze(name, log, true);
        Report unfiltered = Engine.analyze(name, log, false);
        assertEquals(unfiltered.groups(), filtered.groups(), name);
        assertEquals(unfiltered.input().totals().read(), filtered.input().totals().read(), name);
    }
}

package io.oteldoctor.corpus.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.analysis.AnalysisOptions;
import io.oteldoctor.analysis.Analyzer;
import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.diagnosis.Diagnosis;
import io.oteldoctor.ingest.InputSource;
import io.oteldoctor.matching.Rulebase;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/**
 * What a fault lab's cases were diagnosed as: the check that the injected cause ranks first, and
 * the table of results each lab prints for the CI log. One per lab.
 */
final class LabVerdicts {

    private static final Rulebase RULEBASE = Rulebase.bundled();
    private static final CauseCatalogue CATALOGUE = CauseCatalogue.bundled();

    private final String title;
    private final String sourcePrefix;
    private final Map<String, String> results = new ConcurrentSkipListMap<>();

    /** @param sourcePrefix names each case's log in evidence lines, e.g. {@code lab/} */
    LabVerdicts(String title, String sourcePrefix) {
        this.title = title;
        this.sourcePrefix = sourcePrefix;
    }

    List<Diagnosis> analyze(String name, String log) {
        Analyzer analyzer = new Analyzer(RULEBASE, CATALOGUE, AnalysisOptions.defaults(), "lab");
        return analyzer.analyze(List.of(InputSource.ofString(sourcePrefix + name, log)), List.of()).groups().get(0).diagnoses();
    }

    /** The SDK logged something, and otel-doctor ranks one of the expected causes first. */
    void assertDiagnosedFirst(String name, Set<String> expected, String log) {
        assertFalse(log.isBlank(), name + ": the SDK logged nothing");
        List<Diagnosis> diagnoses = analyze(name, log);
        String seen = diagnoses.stream().map(d -> d.cause() + "@" + d.component() + " " + d.confidence())
                .collect(Collectors.joining(", "));
        record(name, String.join("|", new TreeSet<>(expected)) + " -> "
                + (diagnoses.isEmpty() ? "nothing" : diagnoses.get(0).cause() + " " + diagnoses.get(0).confidence()));
        assertFalse(diagnoses.isEmpty(), name + ": no diagnosis for\n" + log);
        assertTrue(expected.contains(diagnoses.get(0).cause()), name + ": expected " + expected + ", ranked " + seen + " for\n" + log);
    }

    void record(String name, String result) {
        results.put(name, result);
    }

    /** Prints the table; nothing when no case ran. */
    void print() {
        if (results.isEmpty()) {
            return;
        }
        StringBuilder s = new StringBuilder(title + " (case: expected -> ranked first, stated confidence)\n");
        results.forEach((name, result) -> s.append(String.format(Locale.ROOT, "  %-58s %s%n", name, result)));
        System.out.print(s);
    }
}

package io.oteldoctor.rules;

import io.oteldoctor.analysis.AnalysisOptions;
import io.oteldoctor.analysis.Analyzer;
import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.ingest.InputSource;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.report.Report;
import java.util.List;

/** The bundled rulebase, loaded once for all rule tests. */
final class Engine {

    static final Rulebase RULEBASE = Rulebase.bundled();
    static final CauseCatalogue CATALOGUE = CauseCatalogue.bundled();

    private Engine() {
    }

    static Report analyze(String name, String log, boolean prefilter) {
        Analyzer analyzer = new Analyzer(RULEBASE, CATALOGUE, AnalysisOptions.defaults().withPrefilter(prefilter), "test");
        return analyzer.analyze(List.of(InputSource.ofString(name, log)), List.of());
    }
}

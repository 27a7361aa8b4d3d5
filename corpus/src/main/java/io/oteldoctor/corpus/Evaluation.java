package io.oteldoctor.corpus;

import io.oteldoctor.analysis.AnalysisOptions;
import io.oteldoctor.analysis.Analyzer;
import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.diagnosis.Diagnosis;
import io.oteldoctor.ingest.InputSource;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.report.Report;
import java.util.ArrayList;
import java.util.List;

/** Runs the engine over labelled logs and scores what it ranks first. */
public final class Evaluation {

    /** What the engine said about one labelled log. */
    public record Outcome(LabelledLog sample, Report report, List<Diagnosis> diagnoses) {

        /** The first cause, or {@code none}. */
        public String top() {
            return diagnoses.isEmpty() ? LabelledLog.NONE : diagnoses.get(0).cause();
        }

        public boolean top1() {
            return top().equals(sample.expect());
        }

        /** The expected cause among the first three (for healthy logs: nothing diagnosed). */
        public boolean top3() {
            if (sample.expect().equals(LabelledLog.NONE)) {
                return diagnoses.isEmpty();
            }
            return diagnoses.stream().limit(3).anyMatch(d -> d.cause().equals(sample.expect()));
        }
    }

    private final Rulebase rulebase;
    private final CauseCatalogue catalogue;

    public Evaluation(Rulebase rulebase, CauseCatalogue catalogue) {
        this.rulebase = rulebase;
        this.catalogue = catalogue;
    }

    public Outcome run(LabelledLog sample, boolean prefilter) {
        Analyzer analyzer = new Analyzer(rulebase, catalogue, AnalysisOptions.defaults().withPrefilter(prefilter), "evaluation");
        Report report = analyzer.analyze(List.of(InputSource.ofString(sample.name(), sample.log())), List.of());
        return new Outcome(sample, report, report.groups().get(0).diagnoses());
    }

    public Scores score(List<LabelledLog> samples) {
        List<Outcome> outcomes = new ArrayList<>();
        for (LabelledLog s : samples) {
            outcomes.add(run(s, true));
        }
        return Scores.of(outcomes);
    }
}

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

        /** The log carries cite labels and its expected cause ranked first, so its citations can be checked. */
        public boolean citationChecked() {
            return !sample.cite().isEmpty() && top1();
        }

        /**
         * The right cause with the wrong lines: the first diagnosis cites no line, or a line that
         * no cite label names. Every line shown to an operator as evidence must show the cause.
         */
        public boolean partialMiss() {
            if (!citationChecked()) {
                return false;
            }
            List<Diagnosis.CitedEvidence> cited = diagnoses.get(0).evidence();
            return cited.isEmpty() || !wronglyCited().isEmpty();
        }

        /** The first diagnosis' cited lines that no cite label names. */
        public List<Long> wronglyCited() {
            if (diagnoses.isEmpty()) {
                return List.of();
            }
            List<String> raw = sample.log().lines().toList();
            List<Long> wrong = new ArrayList<>();
            for (Diagnosis.CitedEvidence e : diagnoses.get(0).evidence()) {
                String rawLine = e.line() >= 1 && e.line() <= raw.size() ? raw.get((int) e.line() - 1) : null;
                if (sample.cite().stream().noneMatch(c -> c.matches(e.line(), e.text(), rawLine))) {
                    wrong.add(e.line());
                }
            }
            return wrong;
        }

        /**
         * Whether one reported diagnosis is right: the expected cause (on the expected component,
         * when the label names one) or a cause the label says must also appear. Every other
         * diagnosis of a labelled log, competing readings included, is wrong; this is what a
         * stated confidence is calibrated against.
         */
        public boolean right(Diagnosis d) {
            if (sample.expect().equals(LabelledLog.NONE)) {
                return false;
            }
            if (d.cause().equals(sample.expect())
                    && (sample.expectComponent() == null || sample.expectComponent().equals(d.component()))) {
                return true;
            }
            return sample.expectAlso().contains(d.cause());
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

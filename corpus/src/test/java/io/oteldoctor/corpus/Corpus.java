package io.oteldoctor.corpus;

import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.matching.Rulebase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The labelled logs of this repository, and one engine to score them with. */
final class Corpus {

    static final Path SAMPLES = Path.of("samples");
    static final Path EXAMPLES = Path.of("../examples");
    static final CauseCatalogue CATALOGUE = CauseCatalogue.bundled();
    static final java.util.Set<String> CAUSES = CATALOGUE.ids();
    static final Evaluation EVALUATION = new Evaluation(Rulebase.bundled(), CATALOGUE);

    private Corpus() {
    }

    static List<LabelledLog> samples() {
        return LabelledLog.load(SAMPLES, CAUSES);
    }

    /** Samples and bundled examples together. */
    static List<LabelledLog> all() {
        List<LabelledLog> all = new ArrayList<>(samples());
        for (LabelledLog e : LabelledLog.load(EXAMPLES, CAUSES)) {
            all.add(e.named("examples/" + e.name()));
        }
        return all;
    }
}

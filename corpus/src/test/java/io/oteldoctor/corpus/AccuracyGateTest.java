package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The accuracy gate: the build fails when top-1 accuracy over the corpus and the bundled examples
 * drops below 95 %, or when any healthy log gets a diagnosis. The scores are printed to the build
 * log so every CI run shows them.
 */
class AccuracyGateTest {

    static final double MIN_TOP1 = 0.95;

    @Test
    void corpusAccuracyHoldsTheGate() {
        Scores scores = Corpus.EVALUATION.score(Corpus.all());
        System.out.println("otel-doctor corpus scores\n" + scores.table());
        assertEquals(0, scores.falseAlarms(), "healthy logs got diagnoses:\n" + scores.table());
        assertTrue(scores.top1() >= MIN_TOP1, "top-1 accuracy below the gate:\n" + scores.table());
    }
}

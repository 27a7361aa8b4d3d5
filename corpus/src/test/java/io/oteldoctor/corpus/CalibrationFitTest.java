package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.diagnosis.Calibration;
import io.oteldoctor.matching.Rulebase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The confidence calibration: the fit recovers known rates, is reproducible, and the mapping
 * shipped in the rules module is still calibrated for the rules and corpus as they are now.
 */
class CalibrationFitTest {

    /** How far the shipped mapping may drift from calibrated on the corpus before it must be refitted. */
    static final double MAX_SHIPPED_ECE = 0.10;

    private static List<CalibrationFit.Point> corpus;

    @BeforeAll
    static void collect() {
        corpus = CalibrationFit.points(Rulebase.bundled(), Corpus.CATALOGUE, Corpus.all());
    }

    /** Raw confidences whose true rate of being right is a known curve. */
    private static List<CalibrationFit.Point> synthetic(java.util.function.DoubleUnaryOperator rate) {
        Random random = new Random(42);
        List<CalibrationFit.Point> points = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            double raw = Math.round(random.nextDouble() * 100) / 100.0;
            points.add(new CalibrationFit.Point("synthetic/log-" + (i % 400), raw, random.nextDouble() < rate.applyAsDouble(raw)));
        }
        return points;
    }

    @Test
    void isotonicAndPlattRecoverAKnownRate() {
        List<CalibrationFit.Point> points = synthetic(raw -> 0.1 + 0.8 * raw);
        Calibration iso = CalibrationFit.isotonic(points);
        Calibration platt = CalibrationFit.platt(points);
        for (double raw : new double[] {0.2, 0.5, 0.8}) {
            assertEquals(0.1 + 0.8 * raw, iso.apply(raw), 0.07, "isotonic at " + raw);
            assertEquals(0.1 + 0.8 * raw, platt.apply(raw), 0.07, "platt at " + raw);
        }
    }

    @Test
    void aCalibratedInputKeepsItsRawValue() {
        CalibrationFit.Result fit = CalibrationFit.fit(synthetic(raw -> raw));
        assertEquals("identity", fit.method(), fit.table());
    }

    @Test
    void anOverconfidentInputIsPulledDown() {
        CalibrationFit.Result fit = CalibrationFit.fit(synthetic(raw -> raw * 0.5));
        assertTrue(fit.calibration().apply(0.9) < 0.6, fit.table());
    }

    @Test
    void theFitIsReproducible() {
        assertEquals(CalibrationFit.fit(corpus).json(), CalibrationFit.fit(corpus).json());
    }

    @Test
    void theFitDoesBetterOnHeldOutLogsThanTheRawValue() {
        CalibrationFit.Result fit = CalibrationFit.fit(corpus);
        System.out.println("otel-doctor calibration\n" + fit.table());
        CalibrationFit.Figures chosen = fit.crossValidation().get(fit.method());
        assertTrue(chosen.brier() <= fit.crossValidation().get("identity").brier(), fit.table());
    }

    @Test
    void theShippedCalibrationIsStillCalibrated() {
        Calibration shipped = Corpus.CATALOGUE.calibration();
        List<double[]> stated = new ArrayList<>();
        for (CalibrationFit.Point p : corpus) {
            stated.add(new double[] {shipped.apply(p.raw()), p.right() ? 1 : 0});
        }
        double ece = CalibrationFit.figures(stated).ece();
        assertTrue(ece <= MAX_SHIPPED_ECE, "the shipped calibration is off by " + ece + " on the corpus; refit it with "
                + "'otel-doctor eval --fit-calibration rules/src/main/resources/io/oteldoctor/catalogue/calibration.json corpus/ examples/'");
    }
}

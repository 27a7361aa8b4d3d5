package io.oteldoctor.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.diagnosis.Calibration;
import org.junit.jupiter.api.Test;

/** The calibration shipped beside the catalogue: loadable, order-preserving, and never certain. */
class ShippedCalibrationTest {

    @Test
    void neverLowersARankingAndNeverStatesCertainty() {
        Calibration c = Engine.CATALOGUE.calibration();
        double previous = -1;
        for (int i = 0; i <= 100; i++) {
            double stated = c.apply(i / 100.0);
            assertTrue(stated >= previous, "falls at raw " + i / 100.0);
            assertTrue(stated > 0 && stated < 1, "states certainty at raw " + i / 100.0 + ": " + stated);
            previous = stated;
        }
    }
}

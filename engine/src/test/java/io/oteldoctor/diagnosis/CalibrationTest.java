package io.oteldoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static Calibration.Knot k(double raw, double stated) {
        return new Calibration.Knot(raw, stated);
    }

    @Test
    void interpolatesBetweenKnotsAndIsFlatBeyondThem() {
        Calibration c = Calibration.of(List.of(k(0.2, 0.1), k(0.4, 0.5), k(0.9, 0.9)));
        assertEquals(0.1, c.apply(0.0));
        assertEquals(0.1, c.apply(0.2));
        assertEquals(0.3, c.apply(0.3));
        assertEquals(0.7, c.apply(0.65));
        assertEquals(0.9, c.apply(1.0));
    }

    @Test
    void identityChangesNothing() {
        for (double raw : new double[] {0, 0.15, 0.37, 0.8, 1}) {
            assertEquals(raw, Calibration.IDENTITY.apply(raw), 1e-9);
        }
    }

    @Test
    void aMappingThatWouldReorderDiagnosesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(List.of(k(0.2, 0.6), k(0.5, 0.4))));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(List.of(k(0.5, 0.4), k(0.5, 0.6))));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(List.of(k(0.5, 1.2), k(0.6, 1.3))));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(List.of(k(0.5, 0.5))));
    }
}

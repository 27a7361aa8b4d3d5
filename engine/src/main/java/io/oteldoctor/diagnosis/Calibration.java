package io.oteldoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Maps the rules' raw confidence to a stated confidence that matches how often diagnoses at that
 * level turn out right. The raw value ranks hypotheses well but is a product of hand-set weights,
 * not a probability; the mapping is fitted on the labelled corpus and shipped as data beside the
 * catalogue, so refitting never touches code.
 *
 * <p>The mapping is a non-decreasing piecewise-linear function through {@code knots}, flat beyond
 * the first and last. Non-decreasing keeps the ranking the rules produced; ties it may create
 * are broken by the raw value, which the assembler still ranks on.
 */
public final class Calibration {

    public static final String BUNDLED = "io/oteldoctor/catalogue/calibration.json";

    /** Reports the raw confidence unchanged: what the fit itself must see. */
    public static final Calibration IDENTITY = new Calibration(new double[] {0, 1}, new double[] {0, 1});

    /** One point of the mapping: raw confidence {@code raw} is stated as {@code stated}. */
    public record Knot(double raw, double stated) {
    }

    private final double[] x;
    private final double[] y;

    private Calibration(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    public static Calibration of(List<Knot> knots) {
        if (knots.size() < 2) {
            throw new IllegalArgumentException("a calibration needs at least two knots");
        }
        double[] x = new double[knots.size()];
        double[] y = new double[knots.size()];
        for (int i = 0; i < knots.size(); i++) {
            x[i] = knots.get(i).raw();
            y[i] = knots.get(i).stated();
            if (y[i] < 0 || y[i] > 1 || x[i] < 0 || x[i] > 1) {
                throw new IllegalArgumentException("calibration knot outside [0, 1]: " + knots.get(i));
            }
            if (i > 0 && (x[i] <= x[i - 1] || y[i] < y[i - 1])) {
                throw new IllegalArgumentException("calibration knots must rise: " + knots.get(i - 1) + " then " + knots.get(i));
            }
        }
        return new Calibration(x, y);
    }

    /** The calibration shipped with the catalogue. */
    public static Calibration bundled() {
        try (InputStream in = Calibration.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("no calibration on the class path (" + BUNDLED + ")");
            }
            return of(CatalogueJson.knots(in)); // everything but the knots documents how they were obtained
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the calibration: " + e.getMessage(), e);
        }
    }

    /** The stated confidence for a raw one, rounded to the hundredth as reports print it. */
    public double apply(double raw) {
        double v;
        if (raw <= x[0]) {
            v = y[0];
        } else if (raw >= x[x.length - 1]) {
            v = y[y.length - 1];
        } else {
            int i = 1;
            while (x[i] < raw) {
                i++;
            }
            double t = (raw - x[i - 1]) / (x[i] - x[i - 1]);
            v = y[i - 1] + t * (y[i] - y[i - 1]);
        }
        return Math.round(v * 100.0) / 100.0;
    }

    public List<Knot> knots() {
        List<Knot> out = new java.util.ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(new Knot(x[i], y[i]));
        }
        return out;
    }
}

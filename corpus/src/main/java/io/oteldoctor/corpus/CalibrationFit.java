package io.oteldoctor.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.oteldoctor.diagnosis.Calibration;
import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.diagnosis.Diagnosis;
import io.oteldoctor.matching.Rulebase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Fits the calibration that maps the rules' raw confidence to a stated one, from labelled logs.
 * Every reported diagnosis of a labelled log is one observation: its raw confidence and whether
 * it was right ({@link Evaluation.Outcome#right}). Competing readings that were wrong are what
 * give the fit its low end; a corpus scored only on first diagnoses would be almost all right.
 *
 * <p>Three candidates are compared by cross-validation, with folds by log so that the repeated
 * diagnoses of one log never sit on both sides: the raw value unchanged, Platt scaling (a
 * logistic curve over the raw value's log-odds, two parameters) and isotonic regression (pool
 * adjacent violators, each pool's rate smoothed by one right and one wrong pseudo-observation so
 * a handful of logs never yields 0 % or 100 %). The simplest candidate whose held-out Brier score
 * is within one standard error of the best wins (identity, then Platt, then isotonic): a mapping
 * that only memorises the corpus loses to one that generalises, a small edge within the noise of
 * 200-odd diagnoses does not buy the many knots of isotonic regression, and the raw value stays
 * when nothing clearly beats it.
 */
public final class CalibrationFit {

    public static final int FOLDS = 5;

    /**
     * No stated confidence goes above this or below one minus this. The corpus was written with
     * the rules in view and its first diagnoses are right almost without exception, so a fit on it
     * alone would state certainty; on the logs kept outside the corpus and scored before any fix
     * (docs/accuracy.md) the first diagnosis was right 57 times in 60, and no claim here is
     * stronger than that.
     */
    public static final double CEILING = 0.95;

    /** One reported diagnosis: the log it came from, its raw confidence, and whether it was right. */
    public record Point(String log, double raw, boolean right) {
    }

    /**
     * Held-out figures of one candidate: Brier score with its standard error, expected calibration
     * error (10 bins), log loss.
     */
    public record Figures(double brier, double brierStandardError, double ece, double logLoss) {
    }

    /** A reliability bin of the chosen mapping over the whole corpus. */
    public record Bin(double from, double to, int diagnoses, double meanStated, double right) {
    }

    /**
     * What the fit produced: the chosen method and its knots, how it and the alternatives did on
     * held-out folds, and the in-sample reliability table of the chosen mapping.
     */
    public record Result(String schema, String method, double ceiling, int logs, int diagnoses, int folds,
                         Map<String, Figures> crossValidation, List<Calibration.Knot> knots, List<Bin> reliability) {

        public Calibration calibration() {
            return Calibration.of(knots);
        }

        public String json() {
            try {
                return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String table() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "calibration fit: %d diagnoses from %d labelled logs, %d-fold cross-validation by log, "
                    + "stated confidence kept within %.2f-%.2f%n%n", diagnoses, logs, folds, 1 - ceiling, ceiling));
            s.append(String.format(Locale.ROOT, "%-10s %17s %8s %9s   (held out; lower is better)%n", "method", "brier (+- s.e.)", "ece",
                    "log-loss"));
            crossValidation.forEach((m, f) -> s.append(String.format(Locale.ROOT, "%-10s %8.4f +- %.4f %8.4f %9.4f%s%n", m, f.brier(),
                    f.brierStandardError(), f.ece(), f.logLoss(), m.equals(method) ? "   <- chosen" : "")));
            s.append(String.format(Locale.ROOT, "%nreliability of the chosen mapping (all diagnoses)%n%-12s %9s %8s %8s%n", "stated", "diagnoses",
                    "mean", "right"));
            for (Bin b : reliability) {
                s.append(String.format(Locale.ROOT, "%.1f - %.1f    %9d %8s %8s%n", b.from(), b.to(), b.diagnoses(),
                        b.diagnoses() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", b.meanStated()),
                        b.diagnoses() == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", b.right() * 100)));
            }
            return s.toString();
        }
    }

    private CalibrationFit() {
    }

    /** Every diagnosis the engine reports for the labelled (non-healthy) logs, with its raw confidence. */
    public static List<Point> points(Rulebase rulebase, CauseCatalogue catalogue, List<LabelledLog> logs) {
        Evaluation raw = new Evaluation(rulebase, catalogue.withCalibration(Calibration.IDENTITY));
        List<Point> points = new ArrayList<>();
        for (LabelledLog log : logs) {
            if (log.expect().equals(LabelledLog.NONE)) {
                continue;
            }
            Evaluation.Outcome o = raw.run(log, true);
            for (Diagnosis d : o.diagnoses()) {
                points.add(new Point(log.name(), d.confidence(), o.right(d)));
            }
        }
        return points;
    }

    public static Result fit(List<Point> points) {
        Map<String, Function<List<Point>, Calibration>> candidates = new LinkedHashMap<>();
        candidates.put("identity", p -> bounded(Calibration.IDENTITY));
        candidates.put("platt", p -> bounded(platt(p)));
        candidates.put("isotonic", p -> bounded(isotonic(p)));
        Map<String, Figures> cv = new LinkedHashMap<>();
        for (Map.Entry<String, Function<List<Point>, Calibration>> c : candidates.entrySet()) {
            List<double[]> heldOut = new ArrayList<>();
            for (int fold = 0; fold < FOLDS; fold++) {
                List<Point> train = new ArrayList<>();
                List<Point> test = new ArrayList<>();
                for (Point p : points) {
                    (fold(p.log()) == fold ? test : train).add(p);
                }
                if (test.isEmpty() || train.isEmpty()) {
                    continue;
                }
                Calibration cal = c.getValue().apply(train);
                for (Point p : test) {
                    heldOut.add(new double[] {cal.apply(p.raw()), p.right() ? 1 : 0});
                }
            }
            cv.put(c.getKey(), figures(heldOut));
        }
        Figures lowest = cv.values().stream().min(Comparator.comparingDouble(Figures::brier)).orElseThrow();
        String best = cv.entrySet().stream()
                .filter(e -> e.getValue().brier() <= lowest.brier() + lowest.brierStandardError() + 1e-9)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Calibration chosen = candidates.get(best).apply(points);
        long logs = points.stream().map(Point::log).distinct().count();
        return new Result("otel-doctor/calibration/1", best, CEILING, (int) logs, points.size(), FOLDS, cv, chosen.knots(),
                reliability(points, chosen));
    }

    /** Keeps every stated value within [1 - CEILING, CEILING]; dropping knots that clamping made redundant keeps them rising. */
    static Calibration bounded(Calibration c) {
        List<Calibration.Knot> knots = new ArrayList<>();
        for (Calibration.Knot k : c.knots()) {
            knots.add(new Calibration.Knot(k.raw(), Math.max(round4(1 - CEILING), Math.min(CEILING, k.stated()))));
        }
        return Calibration.of(knots);
    }

    /**
     * A log's fold, fixed by its cause folder and file name so every run splits the corpus the same
     * way, whichever directory the logs were loaded from.
     */
    static int fold(String log) {
        java.nio.file.Path p = java.nio.file.Path.of(log);
        int n = p.getNameCount();
        String key = n >= 2 ? p.subpath(n - 2, n).toString() : log;
        return Math.floorMod(key.hashCode() * 0x9E3779B1, FOLDS);
    }

    static Figures figures(List<double[]> predictedAndActual) {
        if (predictedAndActual.isEmpty()) {
            return new Figures(0, 0, 0, 0);
        }
        double brier = 0;
        double brierSquares = 0;
        double logLoss = 0;
        double[] sumP = new double[10];
        double[] sumY = new double[10];
        int[] n = new int[10];
        for (double[] py : predictedAndActual) {
            double p = py[0];
            double y = py[1];
            brier += (p - y) * (p - y);
            brierSquares += Math.pow((p - y) * (p - y), 2);
            double q = Math.min(0.99, Math.max(0.01, p));
            logLoss -= y * Math.log(q) + (1 - y) * Math.log(1 - q);
            int b = Math.min(9, (int) (p * 10));
            sumP[b] += p;
            sumY[b] += y;
            n[b]++;
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            if (n[b] > 0) {
                ece += Math.abs(sumP[b] - sumY[b]) / predictedAndActual.size();
            }
        }
        int total = predictedAndActual.size();
        double mean = brier / total;
        double variance = Math.max(0, brierSquares / total - mean * mean);
        return new Figures(round4(mean), round4(Math.sqrt(variance / total)), round4(ece), round4(logLoss / total));
    }

    private static List<Bin> reliability(List<Point> points, Calibration cal) {
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            double from = b * 0.2;
            double to = from + 0.2;
            int n = 0;
            double stated = 0;
            int right = 0;
            for (Point p : points) {
                double c = cal.apply(p.raw());
                if (c >= from && (c < to || b == 4 && c <= 1.0)) {
                    n++;
                    stated += c;
                    right += p.right() ? 1 : 0;
                }
            }
            bins.add(new Bin(round4(from), round4(to), n, n == 0 ? 0 : round4(stated / n), n == 0 ? 0 : round4((double) right / n)));
        }
        return bins;
    }

    /**
     * Platt scaling over the raw value's log-odds: stated = 1 / (1 + exp(-(a * logit(raw) + b))),
     * fitted by Newton's method with a light ridge so separable data cannot push a to infinity.
     * Sampled at every 0.05 of raw confidence, which the piecewise-linear mapping then follows.
     */
    static Calibration platt(List<Point> points) {
        double a = 1;
        double b = 0;
        double ridge = 1e-2;
        for (int iter = 0; iter < 100; iter++) {
            double ga = ridge * a;
            double gb = 0;
            double haa = ridge;
            double hab = 0;
            double hbb = 1e-9;
            for (Point p : points) {
                double z = logit(p.raw());
                double q = sigmoid(a * z + b);
                double r = q - (p.right() ? 1 : 0);
                double w = q * (1 - q);
                ga += r * z;
                gb += r;
                haa += w * z * z;
                hab += w * z;
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        List<Calibration.Knot> knots = new ArrayList<>();
        double previous = -1;
        for (int i = 0; i <= 20; i++) {
            double x = i / 20.0;
            double y = round4(sigmoid(a * logit(x) + b));
            y = Math.max(y, previous);
            knots.add(new Calibration.Knot(x, y));
            previous = y;
        }
        return Calibration.of(knots);
    }

    /**
     * Isotonic regression by pool adjacent violators over the distinct raw values, then each pool's
     * rate smoothed as (right + 1) / (n + 2) and pooled again by weight, since smoothing small pools
     * more than large ones can reverse their order. Knots sit at each pool's mean raw value.
     */
    static Calibration isotonic(List<Point> points) {
        TreeMap<Double, double[]> byRaw = new TreeMap<>();
        for (Point p : points) {
            double[] acc = byRaw.computeIfAbsent(p.raw(), k -> new double[2]);
            acc[0] += 1;
            acc[1] += p.right() ? 1 : 0;
        }
        List<double[]> pools = new ArrayList<>(); // {n, sumRight, sumRaw}
        for (Map.Entry<Double, double[]> e : byRaw.entrySet()) {
            pools.add(new double[] {e.getValue()[0], e.getValue()[1], e.getKey() * e.getValue()[0]});
            poolViolators(pools, v -> v[1] / v[0]);
        }
        for (double[] pool : pools) {
            pool[1] = (pool[1] + 1) / (pool[0] + 2) * pool[0]; // sumRight now holds n * smoothed rate
        }
        List<double[]> smoothed = new ArrayList<>();
        for (double[] pool : pools) {
            smoothed.add(pool);
            poolViolators(smoothed, v -> v[1] / v[0]);
        }
        List<Calibration.Knot> knots = new ArrayList<>();
        for (double[] pool : smoothed) {
            knots.add(new Calibration.Knot(pool[2] / pool[0], round4(pool[1] / pool[0])));
        }
        if (knots.size() == 1) {
            Calibration.Knot only = knots.get(0);
            return Calibration.of(List.of(new Calibration.Knot(0, only.stated()), new Calibration.Knot(1, only.stated())));
        }
        knots.sort(Comparator.comparingDouble(Calibration.Knot::raw));
        return Calibration.of(knots);
    }

    /** Merges the last pool into its predecessor while their rates are out of order. */
    private static void poolViolators(List<double[]> pools, Function<double[], Double> rate) {
        while (pools.size() > 1 && rate.apply(pools.get(pools.size() - 2)) >= rate.apply(pools.get(pools.size() - 1))) {
            double[] last = pools.remove(pools.size() - 1);
            double[] prev = pools.get(pools.size() - 1);
            for (int i = 0; i < prev.length; i++) {
                prev[i] += last[i];
            }
        }
    }

    private static double logit(double p) {
        double q = Math.min(0.99, Math.max(0.01, p));
        return Math.log(q / (1 - q));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double round4(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}

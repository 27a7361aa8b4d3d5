package io.oteldoctor.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accuracy over a set of labelled logs: top-1 and top-3, per-cause precision and recall of the
 * first-ranked cause, false alarms on healthy logs, and the confusion matrix (expected -> ranked first).
 */
public record Scores(int samples, double top1, double top3, int healthy, int falseAlarms,
                     Map<String, CauseScore> perCause, Map<String, Map<String, Integer>> confusion,
                     List<CalibrationBin> calibration, List<CalibrationBin> calibrationAll, List<Miss> misses,
                     Citations citations) {

    /**
     * Evidence citation over the logs with {@code #@ cite:} labels: of those whose expected cause
     * ranked first ({@code checked}), how many cited a line that does not prove it, or none.
     */
    public record Citations(int labelled, int checked, int partialMisses, List<PartialMiss> partial) {

        /** Partial misses as a share of the checked logs; 0 when none could be checked. */
        public double partialMissRate() {
            return checked == 0 ? 0 : (double) partialMisses / checked;
        }
    }

    /** A log whose first diagnosis had the right cause but cited lines its labels do not name (line numbers as in the file). */
    public record PartialMiss(String log, String cause, List<Long> cited, List<Long> wrong) {
    }

    /** Logs whose first diagnosis had a confidence in [from, to): how many, and how many of those were right. */
    public record CalibrationBin(double from, double to, int count, int correct) {

        public double accuracy() {
            return count == 0 ? 0 : (double) correct / count;
        }
    }

    /** A log whose first-ranked cause was not the expected one. */
    public record Miss(String log, String expected, String ranked) {
    }

    static final double[] BIN_EDGES = {0.0, 0.2, 0.4, 0.6, 0.8, 1.0000001};

    /** Counts for one cause over first-ranked predictions. */
    public record CauseScore(int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        public double recall() {
            int actual = truePositives + falseNegatives;
            return actual == 0 ? 1.0 : (double) truePositives / actual;
        }
    }

    static Scores of(List<Evaluation.Outcome> outcomes) {
        int top1 = 0;
        int top3 = 0;
        int healthy = 0;
        int falseAlarms = 0;
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        for (Evaluation.Outcome o : outcomes) {
            String expected = o.sample().expect();
            String got = o.top();
            top1 += o.top1() ? 1 : 0;
            top3 += o.top3() ? 1 : 0;
            if (expected.equals(LabelledLog.NONE)) {
                healthy++;
                falseAlarms += o.diagnoses().isEmpty() ? 0 : 1;
            }
            confusion.computeIfAbsent(expected, k -> new TreeMap<>()).merge(got, 1, Integer::sum);
            if (expected.equals(got)) {
                counts.computeIfAbsent(expected, k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(got, k -> new int[3])[1]++;
                counts.computeIfAbsent(expected, k -> new int[3])[2]++;
            }
        }
        Map<String, CauseScore> perCause = new TreeMap<>();
        counts.forEach((cause, c) -> perCause.put(cause, new CauseScore(c[0], c[1], c[2])));
        List<CalibrationBin> calibration = new java.util.ArrayList<>();
        for (int b = 0; b + 1 < BIN_EDGES.length; b++) {
            int count = 0;
            int correct = 0;
            for (Evaluation.Outcome o : outcomes) {
                if (o.diagnoses().isEmpty()) {
                    continue;
                }
                double c = o.diagnoses().get(0).confidence();
                if (c >= BIN_EDGES[b] && c < BIN_EDGES[b + 1]) {
                    count++;
                    correct += o.top1() ? 1 : 0;
                }
            }
            calibration.add(new CalibrationBin(BIN_EDGES[b], Math.min(1.0, BIN_EDGES[b + 1]), count, correct));
        }
        List<CalibrationBin> calibrationAll = new java.util.ArrayList<>();
        for (int b = 0; b + 1 < BIN_EDGES.length; b++) {
            int count = 0;
            int correct = 0;
            for (Evaluation.Outcome o : outcomes) {
                for (io.oteldoctor.diagnosis.Diagnosis d : o.diagnoses()) {
                    if (d.confidence() >= BIN_EDGES[b] && d.confidence() < BIN_EDGES[b + 1]) {
                        count++;
                        correct += o.right(d) ? 1 : 0;
                    }
                }
            }
            calibrationAll.add(new CalibrationBin(BIN_EDGES[b], Math.min(1.0, BIN_EDGES[b + 1]), count, correct));
        }
        List<Miss> misses = outcomes.stream().filter(o -> !o.top1())
                .map(o -> new Miss(o.sample().name(), o.sample().expect(), o.top())).toList();
        int labelled = 0;
        int checked = 0;
        List<PartialMiss> partial = new java.util.ArrayList<>();
        for (Evaluation.Outcome o : outcomes) {
            labelled += o.sample().cite().isEmpty() ? 0 : 1;
            checked += o.citationChecked() ? 1 : 0;
            if (o.partialMiss()) {
                int offset = o.sample().headerLines();
                partial.add(new PartialMiss(o.sample().name(), o.top(),
                        o.diagnoses().get(0).evidence().stream().map(e -> e.line() + offset).toList(),
                        o.wronglyCited().stream().map(l -> l + offset).toList()));
            }
        }
        int n = Math.max(1, outcomes.size());
        return new Scores(outcomes.size(), (double) top1 / n, (double) top3 / n, healthy, falseAlarms, perCause, confusion,
                calibration, calibrationAll, misses, new Citations(labelled, checked, partial.size(), List.copyOf(partial)));
    }

    private static void bins(StringBuilder s, List<CalibrationBin> bins) {
        for (CalibrationBin b : bins) {
            s.append(String.format(Locale.ROOT, "%.1f - %.1f    %6d %9s%n", b.from(), b.to(), b.count(),
                    b.count() == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", b.accuracy() * 100)));
        }
    }

    /** The scores as a plain-text table, for the CI log and docs/accuracy.md. */
    public String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "samples %d   top-1 %.1f%%   top-3 %.1f%%   healthy %d, false alarms %d%n",
                samples, top1 * 100, top3 * 100, healthy, falseAlarms));
        s.append(String.format(Locale.ROOT, "evidence: %d logs with cite labels, %d with the right cause first, "
                + "%d partial misses (right cause, wrong lines: %.1f%%)%n%n", citations.labelled(), citations.checked(),
                citations.partialMisses(), citations.partialMissRate() * 100));
        s.append(String.format(Locale.ROOT, "%-18s %9s %9s %6s%n", "cause", "precision", "recall", "n"));
        perCause.forEach((cause, c) -> s.append(String.format(Locale.ROOT, "%-18s %8.0f%% %8.0f%% %6d%n", cause,
                c.precision() * 100, c.recall() * 100, c.truePositives() + c.falseNegatives())));
        TreeSet<String> columns = new TreeSet<>();
        confusion.values().forEach(row -> columns.addAll(row.keySet()));
        s.append(String.format(Locale.ROOT, "%nconfusion (rows: expected, columns: ranked first)%n%-18s", ""));
        for (String c : columns) {
            s.append(String.format(Locale.ROOT, " %5.5s", c));
        }
        s.append('\n');
        confusion.forEach((expected, row) -> {
            s.append(String.format(Locale.ROOT, "%-18s", expected));
            for (String c : columns) {
                int v = row.getOrDefault(c, 0);
                s.append(v == 0 ? "     ." : String.format(Locale.ROOT, " %5d", v));
            }
            s.append('\n');
        });
        s.append(String.format(Locale.ROOT, "%ncalibration (confidence of the first diagnosis vs how often it was right)%n"));
        s.append(String.format(Locale.ROOT, "%-12s %6s %9s%n", "confidence", "logs", "accuracy"));
        bins(s, calibration);
        s.append(String.format(Locale.ROOT, "%ncalibration of every diagnosis reported (competing readings included)%n"));
        s.append(String.format(Locale.ROOT, "%-12s %6s %9s%n", "confidence", "diags", "right"));
        bins(s, calibrationAll);
        for (Miss m : misses) {
            s.append(String.format(Locale.ROOT, "miss: %s expected %s, ranked %s%n", m.log(), m.expected(), m.ranked()));
        }
        for (PartialMiss p : citations.partial()) {
            s.append(String.format(Locale.ROOT, "partial miss: %s %s, cited lines %s, not labelled as proof %s%n", p.log(), p.cause(),
                    p.cited(), p.wrong()));
        }
        return s.toString();
    }
}

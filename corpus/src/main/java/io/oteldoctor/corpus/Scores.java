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
public record Scores(List<Evaluation.Outcome> outcomes, double top1, double top3, int healthy, int falseAlarms,
                     Map<String, CauseScore> perCause, Map<String, Map<String, Integer>> confusion) {

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
        int n = Math.max(1, outcomes.size());
        return new Scores(List.copyOf(outcomes), (double) top1 / n, (double) top3 / n, healthy, falseAlarms, perCause, confusion);
    }

    /** The scores as a plain-text table, for the CI log and docs/accuracy.md. */
    public String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "samples %d   top-1 %.1f%%   top-3 %.1f%%   healthy %d, false alarms %d%n%n",
                outcomes.size(), top1 * 100, top3 * 100, healthy, falseAlarms));
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
        for (Evaluation.Outcome o : outcomes) {
            if (!o.top1()) {
                s.append(String.format(Locale.ROOT, "miss: %s expected %s, ranked %s%n", o.sample().name(), o.sample().expect(), o.top()));
            }
        }
        return s.toString();
    }
}

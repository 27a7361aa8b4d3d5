package io.oteldoctor.ingest;

/** Decides on raw bytes whether a line may matter; implemented by the rule-derived prefilter. */
@FunctionalInterface
public interface LineFilter {

    /** Lets every line through: used to check that the prefilter never changes a result. */
    LineFilter ALL = (buf, start, end) -> true;

    boolean mayMatter(byte[] buf, int start, int end);

    /**
     * Finds the lines of {@code buf[from, to)}, which is empty or ends with {@code '\n'}, and says of
     * each what {@link #mayMatter} says of it. For each line, in order, writes the index of its
     * {@code '\n'} into {@code marks}, or that index's complement ({@code ~index}, negative) when the
     * line may matter.
     *
     * <p>This is how the scanner reads a buffer: a filter can answer for many lines in one pass
     * over the bytes, where a line at a time means finding the line first and then walking it
     * again.
     *
     * @param marks room for at least one entry per line
     * @return the number of lines
     */
    default int markLines(byte[] buf, int from, int to, int[] marks) {
        int lines = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                marks[lines++] = mayMatter(buf, start, i) ? ~i : i;
                start = i + 1;
            }
        }
        return lines;
    }
}

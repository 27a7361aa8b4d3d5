package io.oteldoctor.matching;

import io.oteldoctor.ingest.LineFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Lets a line through when it contains any rule trigger, ignoring ASCII case. A byte-level
 * Aho-Corasick automaton, so the cost per line is one table step per byte whatever the number of
 * triggers, and nothing is decoded.
 *
 * <p>The automaton runs over byte classes rather than bytes: every byte that occurs in no trigger
 * is one class, and an upper-case ASCII letter is the class of its lower-case twin. With a few
 * dozen classes instead of 256 columns the rows of the states the scan spends its time in (the
 * root and the first letters of the triggers) fit in the first-level cache, where a 256-column
 * table of a few thousand states does not. Which lines pass is unchanged. Accepting states are
 * numbered last, so the per-byte check is one comparison.
 *
 * <p>{@code '\n'} has a class of its own that leads from every state to a line-end state, which
 * goes on as the root does and is numbered just below the accepting states. So a walk over a whole
 * buffer ({@link #markLines}) finds line ends and triggers with the one comparison per byte.
 *
 * <p>Triggers must survive every transport unchanged: JSON escaping, journald's tab expansion
 * and syslog's {@code #011}. So they may not contain quotes, backslashes or tabs, which the
 * constructor enforces.
 */
public final class Prefilter implements LineFilter {

    private final byte[] classOf = new byte[256];
    private final int[] next;       // state * classes + class -> next state * classes
    private final int lineEnd;      // the state after '\n'; it and the states past it need a look
    private final int firstAccept;  // states at or past this offset have seen a trigger
    private final List<String> triggers;
    private final int overlap;      // longest trigger, in bytes, less one
    private final int splitFrom;    // lines at least this long are walked as two halves

    public Prefilter(Collection<String> triggers) {
        List<byte[]> patterns = new ArrayList<>();
        for (String t : triggers) {
            validate(t);
            patterns.add(t.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        }
        this.triggers = List.copyOf(triggers);
        this.overlap = patterns.stream().mapToInt(p -> p.length).max().orElse(1) - 1;
        // below four trigger lengths the extra walk past the middle costs more than the overlap gains
        this.splitFrom = 4 * (overlap + 1);
        int classes = 1; // class 0: bytes no trigger contains
        for (byte[] p : patterns) {
            for (byte c : p) {
                if (classOf[c & 0xff] == 0) {
                    if (classes == 127) {
                        throw new IllegalArgumentException("triggers use too many distinct bytes");
                    }
                    classOf[c & 0xff] = (byte) classes++;
                }
            }
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + 32];
        }
        int newline = classes++;
        classOf['\n'] = (byte) newline;
        // The trie over classes, its failure links and which states accept are found first, so that
        // the states can be numbered before the table is filled: every row is then a copy of its
        // failure state's row (one arraycopy) with the state's own edges written over it. Filling
        // a table of some 200,000 cells cell by cell took a start 50 ms in the interpreter.
        // the child by class, plus one: 0 is none, so rows need no filling
        int[][] go = new int[patterns.stream().mapToInt(p -> p.length).sum() + 1][];
        IntList firstChild = new IntList();
        IntList nextSibling = new IntList();
        IntList edgeClass = new IntList();
        boolean[] out = new boolean[go.length];
        int n = 1;
        go[0] = new int[classes];
        firstChild.add(-1);
        nextSibling.add(-1);
        edgeClass.add(-1);
        for (byte[] p : patterns) {
            int state = 0;
            for (byte c : p) {
                int u = classOf[c & 0xff];
                if (go[state][u] == 0) {
                    int child = n++;
                    go[child] = new int[classes];
                    edgeClass.add(u);
                    nextSibling.add(firstChild.get(state));
                    firstChild.add(-1);
                    firstChild.set(state, child);
                    go[state][u] = child + 1;
                }
                state = go[state][u] - 1;
            }
            out[state] = true;
        }
        int[] fail = new int[n];
        boolean[] accept = new boolean[n];
        int[] order = new int[n]; // breadth first: a state's failure state comes before it
        int queued = 1;
        for (int head = 0; head < queued; head++) {
            int r = order[head];
            accept[r] = out[r] || accept[fail[r]];
            for (int child = firstChild.get(r); child >= 0; child = nextSibling.get(child)) {
                int u = edgeClass.get(child);
                int f = fail[r];
                while (r != 0 && f != 0 && go[f][u] == 0) {
                    f = fail[f];
                }
                fail[child] = r == 0 || go[f][u] == 0 ? 0 : go[f][u] - 1;
                order[queued++] = child;
            }
        }
        // numbering: non-accepting states first, in creation order (so shallow states stay together),
        // then the line-end state, then the accepting states
        int[] number = new int[n];
        int k = 0;
        for (int s = 0; s < n; s++) {
            if (!accept[s]) {
                number[s] = k++;
            }
        }
        this.lineEnd = k * classes;
        k++;
        this.firstAccept = k * classes;
        for (int s = 0; s < n; s++) {
            if (accept[s]) {
                number[s] = k++;
            }
        }
        next = new int[(n + 1) * classes];
        int root = number[0] * classes;
        java.util.Arrays.fill(next, root, root + classes, root);
        for (int child = firstChild.get(0); child >= 0; child = nextSibling.get(child)) {
            next[root + edgeClass.get(child)] = number[child] * classes;
        }
        next[root + newline] = lineEnd;
        System.arraycopy(next, root, next, lineEnd, classes); // after a line end, as from the root
        for (int i = 1; i < n; i++) {
            int s = order[i];
            int row = number[s] * classes;
            System.arraycopy(next, number[fail[s]] * classes, next, row, classes);
            for (int child = firstChild.get(s); child >= 0; child = nextSibling.get(child)) {
                next[row + edgeClass.get(child)] = number[child] * classes;
            }
        }
    }

    /** A growable int array: the trie's links, without boxing every state. */
    private static final class IntList {
        private int[] values = new int[256];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        void set(int i, int v) {
            values[i] = v;
        }
    }

    static void validate(String trigger) {
        if (trigger.length() < 3) {
            throw new IllegalArgumentException("trigger too short to be selective: '" + trigger + "'");
        }
        for (char c : trigger.toCharArray()) {
            if (c == '"' || c == '\\' || c == '\t' || c == '\n' || c == '#') {
                throw new IllegalArgumentException("trigger '" + trigger
                        + "' contains a character that JSON, journald or syslog may rewrite: " + (int) c);
            }
        }
    }

    public List<String> triggers() {
        return triggers;
    }

    /**
     * Each step of the automaton waits for the one before it, so one walk uses a fraction of what
     * the processor could do. A long line is walked as two halves at once: the first half runs on
     * for the longest trigger's length less one past the middle, so an occurrence that starts in
     * the first half ends inside it. A walk from the root finds every occurrence lying wholly
     * within the bytes it walks, so the second walk finds those that start in the second half, and
     * together the two answer as one walk over the whole line would.
     */
    @Override
    public boolean mayMatter(byte[] buf, int start, int end) {
        if (end - start < splitFrom) {
            return walk(buf, start, end);
        }
        final int[] t = next;
        final byte[] cls = classOf;
        final int accepting = firstAccept;
        int mid = (start + end) >>> 1;
        int a = 0;
        int b = 0;
        int i = start;
        for (int j = mid; j < end; i++, j++) {
            a = t[a + cls[buf[i] & 0xff]];
            b = t[b + cls[buf[j] & 0xff]];
            if (Math.max(a, b) >= accepting) {
                return true;
            }
        }
        for (int stop = Math.min(end, mid + overlap); i < stop; i++) {
            a = t[a + cls[buf[i] & 0xff]];
            if (a >= accepting) {
                return true;
            }
        }
        return false;
    }

    /**
     * One walk over the buffer instead of a search for each line end and a walk over each line.
     * A buffer of some size is walked as two runs of whole lines at once, for the reason given at
     * {@link #mayMatter}: the first run's marks go up from the start of {@code marks}, the second
     * run's down from its end, and are put in order after the walk. Once a line is known to
     * matter, the rest of it is only searched for its end.
     */
    @Override
    public int markLines(byte[] buf, int from, int to, int[] marks) {
        if (to - from < TWO_RUNS_FROM) {
            return markRun(buf, from, to, 0, marks, 0);
        }
        final int[] t = next;
        final byte[] cls = classOf;
        final int look = lineEnd;
        int mid = endOfLine(buf, from + ((to - from) >>> 1)) + 1;
        int i = from;
        int j = mid;
        int a = 0;
        int b = 0;
        int up = 0;
        int down = marks.length - 1;
        for (; i < mid && j < to; i++, j++) {
            a = t[a + cls[buf[i] & 0xff]];
            b = t[b + cls[buf[j] & 0xff]];
            if (Math.max(a, b) >= look) {
                if (a >= look) {
                    i = markLine(buf, i, a, marks, up++);
                    a = look;
                }
                if (b >= look) {
                    j = markLine(buf, j, b, marks, down--);
                    b = look;
                }
            }
        }
        for (; j < to; j++) {
            b = t[b + cls[buf[j] & 0xff]];
            if (b >= look) {
                j = markLine(buf, j, b, marks, down--);
                b = look;
            }
        }
        int first = up + markRun(buf, i, mid, a, marks, up);
        int second = marks.length - 1 - down;
        for (int lo = down + 1, hi = marks.length - 1; lo < hi; lo++, hi--) {
            int swap = marks[lo];
            marks[lo] = marks[hi];
            marks[hi] = swap;
        }
        System.arraycopy(marks, down + 1, marks, first, second);
        return first + second;
    }

    /** Below this many bytes a buffer is walked as one run: the second run's setup would cost more than it gains. */
    private static final int TWO_RUNS_FROM = 4096;

    /** Marks the lines of buf[from, to), starting in {@code state}, from {@code marks[at]} on; returns how many. */
    private int markRun(byte[] buf, int from, int to, int state, int[] marks, int at) {
        final int[] t = next;
        final byte[] cls = classOf;
        final int look = lineEnd;
        int n = at;
        for (int i = from; i < to; i++) {
            state = t[state + cls[buf[i] & 0xff]];
            if (state >= look) {
                i = markLine(buf, i, state, marks, n++);
                state = look;
            }
        }
        return n - at;
    }

    /**
     * Writes the mark of the line in which byte {@code i} took the walk to {@code state}, the
     * line-end state or an accepting one, into {@code marks[at]}; returns where that line ends.
     */
    private int markLine(byte[] buf, int i, int state, int[] marks, int at) {
        if (state == lineEnd) {
            marks[at] = i;
            return i;
        }
        int end = endOfLine(buf, i);
        marks[at] = ~end;
        return end;
    }

    /**
     * The newline that ends the line at {@code i}, eight bytes at a time: once a trigger is found the
     * rest of the line is only searched for its end, and on a log of failures that is most bytes.
     * The caller guarantees a newline before the end of the window.
     */
    private static int endOfLine(byte[] buf, int i) {
        for (; i + 8 <= buf.length; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ 0x0a0a0a0a0a0a0a0aL; // a newline becomes a zero byte
            long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L; // exact for the lowest zero byte
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        while (buf[i] != '\n') {
            i++;
        }
        return i;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private boolean walk(byte[] buf, int start, int end) {
        final int[] t = next;
        final byte[] cls = classOf;
        final int accepting = firstAccept;
        int state = 0;
        for (int i = start; i < end; i++) {
            state = t[state + cls[buf[i] & 0xff]];
            if (state >= accepting) {
                return true;
            }
        }
        return false;
    }
}

package io.oteldoctor.matching;

import io.oteldoctor.ingest.LineFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;

/**
 * Lets a line through when it contains any rule trigger, ignoring ASCII case. A byte-level
 * Aho-Corasick automaton, so the cost per line is one table step per byte whatever the number of
 * triggers, and nothing is decoded.
 *
 * <p>Triggers must survive every transport unchanged: JSON escaping, journald's tab expansion
 * and syslog's {@code #011}. So they may not contain quotes, backslashes or tabs, which the
 * constructor enforces.
 */
public final class Prefilter implements LineFilter {

    private final int[] next;      // state * 256 + byte -> state
    private final boolean[] accept;
    private final List<String> triggers;

    public Prefilter(Collection<String> triggers) {
        List<byte[]> patterns = new ArrayList<>();
        for (String t : triggers) {
            validate(t);
            patterns.add(t.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        }
        this.triggers = List.copyOf(triggers);
        // trie
        List<int[]> go = new ArrayList<>();
        List<Boolean> out = new ArrayList<>();
        go.add(newRow());
        out.add(false);
        for (byte[] p : patterns) {
            int state = 0;
            for (byte c : p) {
                int u = c & 0xff;
                if (go.get(state)[u] < 0) {
                    go.add(newRow());
                    out.add(false);
                    go.get(state)[u] = go.size() - 1;
                }
                state = go.get(state)[u];
            }
            out.set(state, true);
        }
        int n = go.size();
        int[] fail = new int[n];
        next = new int[n * 256];
        accept = new boolean[n];
        for (int s = 0; s < n; s++) {
            accept[s] = out.get(s);
        }
        // breadth-first: complete the goto function into a DFA
        Queue<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < 256; c++) {
            int s = go.get(0)[c];
            if (s < 0) {
                next[c] = 0;
            } else {
                next[c] = s;
                fail[s] = 0;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int r = queue.remove();
            accept[r] |= accept[fail[r]];
            for (int c = 0; c < 256; c++) {
                int s = go.get(r)[c];
                if (s < 0) {
                    next[r * 256 + c] = next[fail[r] * 256 + c];
                } else {
                    next[r * 256 + c] = s;
                    fail[s] = next[fail[r] * 256 + c];
                    queue.add(s);
                }
            }
        }
        // ASCII case folding: an upper-case byte moves like its lower-case twin
        for (int s = 0; s < n; s++) {
            for (int c = 'A'; c <= 'Z'; c++) {
                next[s * 256 + c] = next[s * 256 + c + 32];
            }
        }
    }

    private static int[] newRow() {
        int[] row = new int[256];
        java.util.Arrays.fill(row, -1);
        return row;
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

    @Override
    public boolean mayMatter(byte[] buf, int start, int end) {
        int state = 0;
        final int[] t = next;
        for (int i = start; i < end; i++) {
            state = t[(state << 8) | (buf[i] & 0xff)];
            if (accept[state]) {
                return true;
            }
        }
        return false;
    }
}

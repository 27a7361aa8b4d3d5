package io.oteldoctor.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;

/**
 * What a one-line collector console record says apart from when it was written and the values of
 * fields that only count or time one occurrence: its bytes with the digits of its time stamps
 * masked and those field values blanked. A failing exporter writes the same record every few
 * seconds with a new time, retry interval and item count; records of equal shape read alike
 * except for the time, which {@link #timestamp()} reads from the record's own bytes.
 *
 * <p>Two layouts have a shape. The collector's console layout ({@code ts⇥level⇥...}), alone or
 * behind a journald, CRI, kubectl or syslog prefix: there the record's time is the console time
 * stamp, found by the same pattern the parser uses. And the collector's JSON layout, one object
 * per line: there the time is the string value of the object's one top-level {@code "ts"} member,
 * found by following the object's nesting and strings; other layouts may read a JSON line's time
 * from elsewhere, so a JSON shape holds only for records parsed as the collector's JSON
 * ({@link #readsAs}). Either way, which bytes hold the time does not depend on the values.
 * A blanked value is a complete JSON string or number replaced by the empty string or zero, so two
 * records of equal shape have fields objects of the same structure, valid or invalid alike.
 */
public final class RecordShape {

    /** Longer records are read afresh each time: a shape is remembered, and memory stays bounded. */
    static final int MAX_BYTES = 4096;

    // Each masked part becomes the first member of its class ('0' for any digit, "" for any string,
    // 0 for any number), so a masked key never equals that of a record outside the class.
    private static final byte DIGIT = '0';
    private static final byte[] STRING = {'"', '"'};
    private static final byte NUMBER = '0';

    private final Key key;
    private final String time;
    private final boolean blanked;
    private final boolean json;

    private RecordShape(byte[] key, int length, boolean shared, String time, boolean blanked, boolean json) {
        this.key = new Key(key, length, shared);
        this.time = time;
        this.blanked = blanked;
        this.json = json;
    }

    /**
     * Equal for records that differ only in masked digits and blanked values. Made with a scratch
     * buffer ({@link #of(byte[], byte[][], byte[])}), it is valid until the buffer is used again:
     * look it up, and keep {@link #keptKey()} instead.
     */
    public Object key() {
        return key;
    }

    /** The key, in bytes of its own: what a map that outlives the next shape may hold. */
    public Object keptKey() {
        return key.shared ? new Key(java.util.Arrays.copyOf(key.bytes, key.length), key.length, false) : key;
    }

    /** The console time stamp of this record, as the parser reads it (null when it is no valid time). */
    public Instant timestamp() {
        return json ? Timestamps.fromZapTs(time) : Timestamps.parse(time);
    }

    /**
     * Whether this shape speaks for the record it was made from, so that later records of the same
     * shape may be read from what that record came to: the shape reads the time the parser read,
     * where the record's layout reads it, and any blanked values came from a fields object that parsed
     * (a record whose object is not valid JSON keeps the object's text, values and all, in its message).
     */
    public boolean vouchesFor(LogRecord record) {
        Instant t = timestamp();
        return t != null && t.equals(record.timestamp()) && readsAs(record.format()) && !(blanked && record.fields().isEmpty());
    }

    /** Whether a record parsed as this layout has its time where this shape reads it. */
    public boolean readsAs(InputFormat format) {
        return !json || format == InputFormat.COLLECTOR_JSON;
    }

    /**
     * Whether a field value was blanked. Then the shape holds only while the fields object parses:
     * a record whose object is not valid JSON keeps the object's text in its message.
     */
    public boolean blanked() {
        return blanked;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Bytes compared by content, with the hash computed once. */
    private static final class Key {
        private final byte[] bytes;
        private final int length;
        /** The bytes are a scratch buffer that the next shape overwrites. */
        private final boolean shared;
        private final int hash;

        Key(byte[] bytes, int length, boolean shared) {
            this.bytes = bytes;
            this.length = length;
            this.shared = shared;
            this.hash = hash(bytes, length);
        }

        /**
         * Eight bytes per step: {@code Arrays.hashCode} takes one multiply per byte, each waiting
         * for the last, which on a record of a few hundred bytes costs more than the rest of its shape.
         */
        private static int hash(byte[] b, int length) {
            long h = length;
            int i = 0;
            for (; i + 8 <= length; i += 8) {
                h = Long.rotateLeft((h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L, 29);
            }
            for (; i < length; i++) {
                h = (h ^ b[i]) * 0x9E3779B97F4A7C15L;
            }
            return (int) (h ^ h >>> 32);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && java.util.Arrays.equals(k.bytes, 0, k.length, bytes, 0, length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Finds the JSON name patterns ({@code "name":}) whose values are blanked. */
    public static byte[][] fieldNames(Collection<String> names) {
        return names.stream().map(n -> ('"' + n + "\":").getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /**
     * The shape of a one-line record, or null when it has none: neither layout, or longer than
     * {@link #MAX_BYTES}.
     */
    public static RecordShape of(byte[] line, byte[][] unreadFields) {
        return of(line, unreadFields, null);
    }

    /**
     * The same, with the key written into {@code scratch} (at least {@link #SCRATCH_BYTES} long)
     * instead of bytes of its own: a reader that looks up most shapes and keeps few saves a copy
     * of every line.
     */
    public static RecordShape of(byte[] line, byte[][] unreadFields, byte[] scratch) {
        int n = line.length;
        if (n == 0 || n > MAX_BYTES || line[0] == 0x1E) {
            return null;
        }
        if (line[0] == '{') {
            return ofJson(line, unreadFields, scratch);
        }
        // A line that starts with a console time has no transport prefix: a prefix needs a space
        // after its time (CRI, journald short-iso), never the console's tab or two spaces.
        int m = 0;
        int tsEnd = consoleTimeEnd(line, 0, n);
        if (tsEnd < 0) {
            m = Layouts.messageStart(line, 0, n);
            tsEnd = m <= 0 ? -1 : consoleTimeEnd(line, m, n);
            if (tsEnd < 0) {
                return null;
            }
        }
        boolean tabs = line[tsEnd] == '\t';
        int afterLevel = levelEnd(line, skipSeparator(line, tsEnd, n, tabs), n);
        if (afterLevel < 0 || afterLevel >= n || (tabs ? line[afterLevel] != '\t' : !twoSpaces(line, afterLevel, n))) {
            return null;
        }
        int rest = skipSeparator(line, afterLevel, n, tabs);
        byte[] key = copy(line, scratch);
        maskPrefixTime(key, m);
        int fields = fieldsStart(line, afterCaller(line, rest, n, tabs), n, tabs);
        return shape(line, key, scratch != null, m, tsEnd, fields, unreadFields, false);
    }

    /**
     * The shape of {@code line} whose time is {@code line[timeStart, timeEnd)}: {@code key}, a copy of
     * the line, with the time's digits masked and the unread fields' values blanked from {@code fields}
     * on (none when it is negative).
     */
    private static RecordShape shape(byte[] line, byte[] key, boolean shared, int timeStart, int timeEnd, int fields, byte[][] unreadFields,
                                     boolean json) {
        for (int i = timeStart; i < timeEnd; i++) {
            if (isDigit(key[i])) {
                key[i] = DIGIT;
            }
        }
        int length = line.length;
        boolean blanked = false;
        if (fields >= 0 && unreadFields.length > 0) {
            int[] out = {fields};
            blanked = blankValues(line, key, fields, line.length, unreadFields, out);
            length = out[0];
        }
        return new RecordShape(key, length, shared, new String(line, timeStart, timeEnd - timeStart, StandardCharsets.UTF_8), blanked, json);
    }

    /** Enough for the key of any line that has a shape. */
    public static final int SCRATCH_BYTES = MAX_BYTES;

    private static byte[] copy(byte[] line, byte[] scratch) {
        if (scratch == null) {
            return line.clone();
        }
        System.arraycopy(line, 0, scratch, 0, line.length);
        return scratch;
    }

    /**
     * A JSON object with exactly one top-level {@code "ts"} member whose value is a string without
     * escapes: the digits of that string are masked, and the unread fields' values blanked anywhere
     * in the object. Whether the rest is valid JSON is left to the parser: only a record that parsed
     * as the collector's JSON is remembered, and a record of the same shape differs from it only in
     * digits inside a string and in values that are complete strings or numbers, so it parses too.
     */
    private static RecordShape ofJson(byte[] line, byte[][] unreadFields, byte[] scratch) {
        int n = line.length;
        int timeStart = -1;
        int timeEnd = -1;
        int depth = 0;
        byte before = 0; // the last byte outside strings that is not white space
        for (int i = 0; i < n; i++) {
            byte c = line[i];
            if (c == '"') {
                int end = stringEnd(line, i, n);
                if (end < 0) {
                    return null;
                }
                if (depth == 1 && (before == '{' || before == ',') && end - i == 4 && line[i + 1] == 't' && line[i + 2] == 's') {
                    int v = skipWhiteSpace(line, end, n);
                    if (v >= n || line[v] != ':') {
                        return null;
                    }
                    v = skipWhiteSpace(line, v + 1, n);
                    if (timeStart >= 0 || v >= n || line[v] != '"') {
                        return null; // a second "ts", or one that is not a string
                    }
                    end = stringEnd(line, v, n);
                    if (end < 0) {
                        return null;
                    }
                    timeStart = v + 1;
                    timeEnd = end - 1;
                    for (int k = timeStart; k < timeEnd; k++) {
                        if (line[k] == '\\') {
                            return null;
                        }
                    }
                }
                i = end - 1;
                before = '"';
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            before = c;
        }
        return timeStart < 0 ? null : shape(line, copy(line, scratch), scratch != null, timeStart, timeEnd, 0, unreadFields, true);
    }

    private static int skipWhiteSpace(byte[] b, int p, int e) {
        while (p < e && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r' || b[p] == '\n')) {
            p++;
        }
        return p;
    }

    /**
     * End of {@code \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})} at {@code p}
     * when a tab or two spaces follow (the console head's time), else -1.
     */
    private static int consoleTimeEnd(byte[] b, int p, int e) {
        if (p + 20 > e || !digits(b, p, 4) || b[p + 4] != '-' || !digits(b, p + 5, 2) || b[p + 7] != '-' || !digits(b, p + 8, 2)
                || b[p + 10] != 'T' || !digits(b, p + 11, 2) || b[p + 13] != ':' || !digits(b, p + 14, 2) || b[p + 16] != ':'
                || !digits(b, p + 17, 2)) {
            return -1;
        }
        int q = p + 19;
        if (q < e && b[q] == '.') {
            int f = q + 1;
            while (f < e && isDigit(b[f])) {
                f++;
            }
            if (f == q + 1) {
                return -1;
            }
            q = f;
        }
        if (q < e && b[q] == 'Z') {
            q++;
        } else if (q + 3 <= e && (b[q] == '+' || b[q] == '-') && digits(b, q + 1, 2)) {
            q += 3;
            if (q < e && b[q] == ':') {
                q++;
            }
            if (!digits(b, q, 2) || q + 2 > e) {
                return -1;
            }
            q += 2;
        } else {
            return -1;
        }
        return q < e && (b[q] == '\t' || twoSpaces(b, q, e)) ? q : -1;
    }

    /** After the head's separator: one tab, or every space of a run of two or more. */
    private static int skipSeparator(byte[] b, int p, int e, boolean tabs) {
        if (tabs) {
            return p + 1;
        }
        while (p < e && b[p] == ' ') {
            p++;
        }
        return p;
    }

    /**
     * Where the message starts when the record names a zap caller ({@code [\w.@/+-]+\.go:\d+}
     * before the first separator of the rest), else {@code rest}: the parser looks for the fields
     * object from there.
     */
    private static int afterCaller(byte[] b, int rest, int e, boolean tabs) {
        int cut = -1;
        for (int i = rest; i < e; i++) {
            if (tabs ? b[i] == '\t' : twoSpaces(b, i, e)) {
                cut = i;
                break;
            }
        }
        if (cut <= rest || !isCaller(b, rest, cut)) {
            return rest;
        }
        int p = cut;
        while (p < e && b[p] == (tabs ? (byte) '\t' : (byte) ' ')) {
            p++;
        }
        return p;
    }

    private static boolean isCaller(byte[] b, int s, int e) {
        int digitsFrom = e;
        while (digitsFrom > s && isDigit(b[digitsFrom - 1])) {
            digitsFrom--;
        }
        if (digitsFrom == e || digitsFrom - s < 5 || !Layouts.startsWith(b, digitsFrom - 4, e, ".go:")) {
            return false;
        }
        for (int i = s; i < digitsFrom - 4; i++) {
            byte c = b[i];
            if (!(isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.' || c == '@' || c == '/'
                    || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static int levelEnd(byte[] b, int p, int e) {
        for (String level : RecordParser.CONSOLE_LEVELS) {
            if (Layouts.startsWith(b, p, e, level)) {
                return p + level.length();
            }
        }
        return -1;
    }

    /** Where the parser finds the fields object: its '{' after the first separator followed by one. */
    private static int fieldsStart(byte[] b, int from, int e, boolean tabs) {
        for (int i = from; i + 1 < e; i++) {
            if (tabs ? b[i] == '\t' && b[i + 1] == '{' : b[i] == ' ' && i + 2 < e && b[i + 1] == ' ' && b[i + 2] == '{') {
                return i + (tabs ? 1 : 2);
            }
        }
        return -1;
    }

    /**
     * Masks the digits of a transport prefix's time ({@code Jun 10 09:12:44}, an ISO time): its words
     * up to and including the first that holds a colon. Host and identifier come after it and stay.
     */
    private static void maskPrefixTime(byte[] key, int m) {
        int colonWordEnd = -1;
        for (int i = 0; i < m; i++) {
            if (key[i] == ':') {
                int j = i;
                while (j < m && key[j] != ' ') {
                    j++;
                }
                colonWordEnd = j;
                break;
            }
        }
        for (int i = 0; i < colonWordEnd; i++) {
            if (isDigit(key[i])) {
                key[i] = DIGIT;
            }
        }
    }

    /**
     * Blanks, in {@code key} from {@code from} on, the value after every {@code "name":} of the given
     * names whose quote opens a member name (it follows '{', ',' or a space, never a backslash, and in
     * JSON a quote inside a string is always escaped) and whose value is a complete string or number.
     * Compacts {@code key} in place; {@code end[0]} receives its new length.
     */
    private static boolean blankValues(byte[] line, byte[] key, int from, int e, byte[][] names, int[] end) {
        int w = from;
        int copied = from;
        boolean blanked = false;
        for (int i = nextQuote(line, from + 1, e); i < e; i = nextQuote(line, i + 1, e)) {
            if (!(line[i - 1] == ' ' || line[i - 1] == ',' || line[i - 1] == '{')) {
                continue;
            }
            int valueStart = nameEnd(line, i, e, names);
            if (valueStart < 0) {
                continue;
            }
            int v = valueStart;
            while (v < e && line[v] == ' ') {
                v++;
            }
            int valueEnd = v >= e ? -1 : line[v] == '"' ? stringEnd(line, v, e) : numberEnd(line, v, e);
            if (valueEnd > v) {
                System.arraycopy(key, copied, key, w, v - copied);
                w += v - copied;
                if (line[v] == '"') {
                    key[w++] = STRING[0];
                    key[w++] = STRING[1];
                } else {
                    key[w++] = NUMBER;
                }
                copied = valueEnd;
                i = valueEnd - 1;
                blanked = true;
            }
        }
        System.arraycopy(key, copied, key, w, e - copied);
        end[0] = w + e - copied;
        return blanked;
    }

    /**
     * The first quote at or after {@code i}, or {@code e}. Eight bytes per step: most of a record's
     * bytes lie between quotes, and a byte at a time this search was most of a shape's cost.
     */
    private static int nextQuote(byte[] b, int i, int e) {
        for (; i + 8 <= e; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x2222222222222222L; // a quote becomes a zero byte
            long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L; // exact for the lowest zero byte
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < e; i++) {
            if (b[i] == '"') {
                return i;
            }
        }
        return e;
    }

    /**
     * Blanks the value of every member, whatever its name: for a reader that needs only a record's
     * time and where it came from, which no field value of a console line changes.
     */
    public static final byte[][] EVERY_FIELD = {"\"*\":".getBytes(StandardCharsets.UTF_8)};

    /** Offset after {@code "name":} at {@code p} for one of the names, or -1. */
    private static int nameEnd(byte[] b, int p, int e, byte[][] names) {
        if (p + 1 >= e) {
            return -1;
        }
        if (names == EVERY_FIELD) {
            int end = stringEnd(b, p, e);
            return end > 0 && end < e && b[end] == ':' ? end + 1 : -1;
        }
        for (byte[] name : names) {
            if (name[1] != b[p + 1]) {
                continue;
            }
            if (p + name.length < e && java.util.Arrays.equals(b, p, p + name.length, name, 0, name.length)) {
                return p + name.length;
            }
        }
        return -1;
    }

    /** End of the JSON string opening at {@code p}, past its closing quote, or -1 when it is not a valid one. */
    private static int stringEnd(byte[] b, int p, int e) {
        for (int i = p + 1; i < e; i++) {
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c >= 0 && c < 0x20) {
                return -1;
            }
            if (c == '\\') {
                if (i + 1 >= e) {
                    return -1;
                }
                byte x = b[i + 1];
                if (x == 'u') {
                    if (i + 5 >= e || !hex(b[i + 2]) || !hex(b[i + 3]) || !hex(b[i + 4]) || !hex(b[i + 5])) {
                        return -1;
                    }
                    i += 5;
                } else if (x == '"' || x == '\\' || x == '/' || x == 'b' || x == 'f' || x == 'n' || x == 'r' || x == 't') {
                    i++;
                } else {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** End of the JSON number at {@code p} ({@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?}) when a ',', '}' or space follows, else -1. */
    private static int numberEnd(byte[] b, int p, int e) {
        int i = p;
        if (i < e && b[i] == '-') {
            i++;
        }
        if (i >= e || !isDigit(b[i])) {
            return -1;
        }
        if (b[i] == '0') {
            i++;
        } else {
            while (i < e && isDigit(b[i])) {
                i++;
            }
        }
        if (i < e && b[i] == '.') {
            int f = ++i;
            while (i < e && isDigit(b[i])) {
                i++;
            }
            if (i == f) {
                return -1;
            }
        }
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < e && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int x = i;
            while (i < e && isDigit(b[i])) {
                i++;
            }
            if (i == x) {
                return -1;
            }
        }
        return i < e && (b[i] == ',' || b[i] == '}' || b[i] == ' ') ? i : -1;
    }

    private static boolean twoSpaces(byte[] b, int p, int e) {
        return p + 1 < e && b[p] == ' ' && b[p + 1] == ' ';
    }

    private static boolean digits(byte[] b, int p, int count) {
        for (int i = p; i < p + count; i++) {
            if (i >= b.length || !isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hex(byte c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}

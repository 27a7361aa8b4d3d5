package io.oteldoctor.ingest;

/**
 * Byte-level look at a physical line: where its message starts once the transport prefix is
 * skipped, and whether that message continues the previous record. Runs on every line, so it
 * only peeks at a few bytes and allocates nothing.
 */
public final class Layouts {

    /** Returned by {@link #messageStart} for a line that is a complete record on its own. */
    public static final int SELF_CONTAINED = -1;

    private static final byte[] JOURNAL_MESSAGE_KEY = "\"MESSAGE\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ZAP_JSON_HEAD = "{\"level\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DOCKER_LOG_HEAD = "{\"log\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DOCKER_LOG_END = "\",\"stream\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] KUBECTL_PREFIX = "[pod/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] KUBECTL_PREFIX_END = {']', ' '};
    private static final byte[] BOX_BAR = "\u2502".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private Layouts() {
    }

    /**
     * Offset where the log message begins: after a journald {@code short*} prefix, inside the
     * {@code MESSAGE} string of a journal JSON entry, or at the line start. Collector JSON and
     * other JSON objects are complete records and return {@link #SELF_CONTAINED}.
     */
    public static int messageStart(byte[] b, int s, int e) {
        if (s >= e) {
            return s;
        }
        if (b[s] == '>' && s + 1 < e && b[s + 1] == ' ') {
            return messageStart(b, s + 2, e); // a Markdown quote around a pasted log ("> " before every line)
        }
        if (b[s] == BOX_BAR[0] && isBoxed(b, s, e)) {
            return messageStart(b, s + BOX_BAR.length + 1, boxedTextEnd(b, s, e)); // k9s's box is the viewer's, not the line's
        }
        if (b[s] == '{' || b[s] == 0x1E) {
            int from = b[s] == 0x1E ? s + 1 : s; // json-seq record separator
            if (startsWith(b, from, e, ZAP_JSON_HEAD)) {
                return SELF_CONTAINED;
            }
            if (startsWith(b, from, e, DOCKER_LOG_HEAD)) {
                return from + DOCKER_LOG_HEAD.length;
            }
            int at = indexOf(b, from, e, JOURNAL_MESSAGE_KEY);
            return at < 0 ? SELF_CONTAINED : at + JOURNAL_MESSAGE_KEY.length;
        }
        if (b[s] == '<') {
            return syslogMessageStart(b, s, e);
        }
        if (b[s] == '[' && startsWith(b, s, e, KUBECTL_PREFIX)) {
            int close = indexOf(b, s, Math.min(e, s + 512), KUBECTL_PREFIX_END);
            return close < 0 ? s : close + 2;
        }
        int cri = criMessageStart(b, s, e);
        if (cri >= 0) {
            return cri;
        }
        int cf = cloudFoundryMessageStart(b, s, e);
        if (cf >= 0) {
            return cf;
        }
        int prefixEnd = journalShortPrefixEnd(b, s, e);
        if (prefixEnd >= 0) {
            return prefixEnd;
        }
        int eventList = eventListMessageStart(b, s, e);
        if (eventList >= 0) {
            return eventList;
        }
        int compose = composeMessageStart(b, s, e);
        return compose < 0 ? s : compose;
    }

    private static final byte[] EVENT_LIST_MESSAGE = "Message ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** PowerShell {@code Format-List} of an event: {@code Message            : }; returns the value's offset or -1. */
    static int eventListMessageStart(byte[] b, int s, int e) {
        if (b[s] != 'M' || !startsWith(b, s, e, EVENT_LIST_MESSAGE)) {
            return -1;
        }
        int p = s + EVENT_LIST_MESSAGE.length;
        while (p < e && p - s < 64 && b[p] == ' ') {
            p++;
        }
        return p + 1 < e && b[p] == ':' && b[p + 1] == ' ' ? p + 2 : -1;
    }

    /** CRI: {@code 2025-06-10T09:12:44.123456789Z stderr F }; returns the message offset or -1. */
    static int criMessageStart(byte[] b, int s, int e) {
        if (e - s < 30 || !isDigit(b[s]) || b[s + 4] != '-' || b[s + 10] != 'T') {
            return -1;
        }
        int p = s + 11;
        while (p < e && b[p] != ' ' && b[p] != '\t' && p - s < 40) { // CRI's time is one word
            p++;
        }
        if (p + 10 > e || b[p] != ' ') {
            return -1;
        }
        if (!(startsWith(b, p + 1, e, "stderr ") || startsWith(b, p + 1, e, "stdout "))) {
            return -1;
        }
        byte tag = b[p + 8];
        if ((tag != 'F' && tag != 'P') || b[p + 9] != ' ') {
            return -1;
        }
        return p + 10;
    }

    /**
     * {@code cf logs}: {@code    2021-06-22T15:36:52.38-0400 [APP/PROC/WEB/0] ERR }, indented, the
     * platform's time, the source and instance in brackets ({@code RTR/1}, {@code CELL/0}), then
     * {@code OUT} or {@code ERR}; returns the message offset or -1. Each line of a multi-line message
     * gets the whole prefix, so a stack frame's indentation follows it.
     */
    static int cloudFoundryMessageStart(byte[] b, int s, int e) {
        int p = s;
        while (p < e && p - s < 8 && b[p] == ' ') {
            p++;
        }
        if (e - p < 30 || !isDigit(b[p]) || b[p + 4] != '-' || b[p + 7] != '-' || b[p + 10] != 'T') {
            return -1;
        }
        int timeStart = p;
        while (p < e && b[p] != ' ' && p - timeStart < 40) { // the time is one word
            p++;
        }
        if (p + 2 >= e || b[p] != ' ' || b[p + 1] != '[') {
            return -1;
        }
        p += 2;
        int sourceStart = p;
        while (p < e && b[p] != ']' && b[p] != ' ' && p - sourceStart < 64) {
            p++;
        }
        if (p >= e || b[p] != ']' || p == sourceStart) {
            return -1;
        }
        p++;
        int spaces = p;
        while (p < e && b[p] == ' ') {
            p++;
        }
        if (p == spaces || !(startsWith(b, p, e, "OUT") || startsWith(b, p, e, "ERR"))) {
            return -1;
        }
        p += 3;
        if (p == e) {
            return e;
        }
        return b[p] == ' ' ? p + 1 : -1;
    }

    /**
     * A line of k9s's log view as a terminal copies it: {@code │ <text padded to the view's width> │}.
     * Only a line that starts with the bar and a space and ends with the bar is one, so a log line
     * that merely holds the character is read as it is.
     */
    public static boolean isBoxed(byte[] b, int s, int e) {
        return e - s >= 2 * BOX_BAR.length + 1 && startsWith(b, s, e, BOX_BAR) && b[s + BOX_BAR.length] == ' '
                && startsWith(b, e - BOX_BAR.length, e, BOX_BAR);
    }

    /** Where a boxed line's text starts. */
    public static int boxedTextStart(int s) {
        return s + BOX_BAR.length + 1;
    }

    /** Where a boxed line's text ends, its padding included: before the space k9s keeps before the closing bar. */
    public static int boxedTextEnd(byte[] b, int s, int e) {
        int end = e - BOX_BAR.length;
        return end > boxedTextStart(s) && b[end - 1] == ' ' ? end - 1 : end;
    }

    /**
     * Whether a boxed line's text fills the box, up to the closing bar: k9s wraps a longer line at
     * the view's width, mid-word, so such a segment continues on the next line. A segment that ends
     * the line is padded with spaces.
     */
    public static boolean fillsBox(byte[] b, int s, int e) {
        int end = boxedTextEnd(b, s, e);
        return end > boxedTextStart(s) && b[end - 1] != ' ';
    }

    /**
     * Where the message ends: before a boxed line's padding and closing bar; else the line's end
     * (a JSON transport's message ends inside it, which the checks that need it find themselves).
     */
    public static int messageEnd(byte[] b, int s, int e) {
        if (s >= e || b[s] != BOX_BAR[0] || !isBoxed(b, s, e)) {
            return e;
        }
        int end = boxedTextEnd(b, s, e);
        while (end > boxedTextStart(s) && b[end - 1] == ' ') {
            end--;
        }
        return end;
    }

    /**
     * A physical line that is only the first piece of a longer one: a CRI {@code P} record, a
     * docker json-file entry whose {@code log} does not end in a newline, or a k9s segment that
     * fills its box. The next line continues it (a boxed segment, only on a boxed line).
     */
    public static boolean isPartial(byte[] b, int s, int e) {
        if (isBoxed(b, s, e)) {
            return fillsBox(b, s, e);
        }
        int cri = criMessageStart(b, s, e);
        if (cri >= 0) {
            return b[cri - 2] == 'P';
        }
        if (startsWith(b, s, e, DOCKER_LOG_HEAD)) {
            int end = indexOf(b, s, e, DOCKER_LOG_END);
            return end >= 2 && !(b[end - 2] == '\\' && b[end - 1] == 'n');
        }
        return false;
    }

    /** docker compose: {@code otel-collector-1  | }; service names have no spaces, the bar is padded. */
    static int composeMessageStart(byte[] b, int s, int e) {
        if (!(isLower(b[s]) || isUpper(b[s]) || isDigit(b[s]))) {
            return -1;
        }
        int p = s;
        int limit = Math.min(e, s + 128);
        while (p < limit && (isLower(b[p]) || isUpper(b[p]) || isDigit(b[p]) || b[p] == '-' || b[p] == '_' || b[p] == '.')) {
            p++;
        }
        int spaces = p;
        while (p < limit && b[p] == ' ') {
            p++;
        }
        if (p + 1 == e && p > spaces && b[p] == '|') {
            return e; // a blank line of the container's output, its space after the bar trimmed
        }
        if (p == spaces || p + 1 >= e || b[p] != '|' || (p + 1 < e && b[p + 1] != ' ')) {
            return -1;
        }
        return p + 2;
    }

    /** RFC 5424 ({@code <PRI>1 TIME HOST APP PROCID MSGID SD MSG}) or RFC 3164 behind a {@code <PRI>}. */
    static int syslogMessageStart(byte[] b, int s, int e) {
        int p = s + 1;
        while (p < e && p - s < 5 && isDigit(b[p])) {
            p++;
        }
        if (p >= e || b[p] != '>' || p == s + 1) {
            return s;
        }
        p++;
        if (p + 1 < e && b[p] == '1' && b[p + 1] == ' ') {
            p += 2;
            for (int field = 0; field < 5; field++) { // time, host, app, procid, msgid
                while (p < e && b[p] != ' ') {
                    p++;
                }
                p++;
            }
            if (p < e && b[p] == '-') {
                p++;
            } else {
                while (p < e && b[p] == '[') {
                    while (p < e && b[p] != ']') {
                        p += b[p] == '\\' ? 2 : 1;
                    }
                    p++;
                }
            }
            if (p < e && b[p] == ' ') {
                p++;
            }
            return Math.min(p, e);
        }
        int prefixEnd = journalShortPrefixEnd(b, p, e);
        return prefixEnd < 0 ? p : prefixEnd;
    }

    /**
     * End of a journalctl {@code short}, {@code short-precise}, {@code short-iso},
     * {@code short-iso-precise} or {@code short-full} prefix ({@code <time> <host> <ident>[pid]: }),
     * or -1 when the line has none. A paste that cut the host out still shows the identifier by its
     * bracket ({@code <time> <ident>[pid]: }, the pid sometimes blanked as well).
     */
    public static int journalShortPrefixEnd(byte[] b, int s, int e) {
        int p = skipJournalTime(b, s, e);
        if (p < 0 || p >= e || b[p] != ' ') {
            return -1;
        }
        p++;
        int hostStart = p;
        while (p < e && b[p] != ' ' && b[p] != '\t') {
            p++;
        }
        if (p == hostStart || p >= e || b[p] != ' ') {
            return -1;
        }
        if (p - hostStart >= 4 && b[p - 1] == ':' && b[p - 2] == ']' && indexOf(b, hostStart + 1, p - 2, OPEN_BRACKET) > 0) {
            return p + 1;
        }
        p++;
        // identifier: up to ": " (optionally with [pid]); identifiers contain no spaces
        int identStart = p;
        while (p < e && b[p] != ' ' && b[p] != '\t') {
            if (b[p] == ':' && p + 1 < e && b[p + 1] == ' ' && p > identStart) {
                return p + 2;
            }
            if (b[p] == ':' && p + 1 == e && p > identStart) {
                return e;
            }
            p++;
        }
        return -1;
    }

    private static final byte[] OPEN_BRACKET = {'['};
    private static final byte[] JOURNAL_HOST_KEY = "\"_HOSTNAME\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The host name a transport puts on the line (journald {@code short*} prefix or {@code _HOSTNAME}),
     * as {@code {start, end}} offsets, or null. Lets grouping by host see every line, including
     * those the prefilter skips.
     */
    public static int[] hostOf(byte[] b, int s, int e) {
        if (s < e && (b[s] == '{' || b[s] == 0x1E)) {
            int at = indexOf(b, s, e, JOURNAL_HOST_KEY);
            if (at < 0) {
                return null;
            }
            int from = at + JOURNAL_HOST_KEY.length;
            int to = from;
            while (to < e && b[to] != '"') {
                to++;
            }
            return to > from && to < e ? new int[] {from, to} : null;
        }
        int p = skipJournalTime(b, s, e);
        if (p < 0 || journalShortPrefixEnd(b, s, e) < 0) {
            return null;
        }
        int from = p + 1;
        int to = from;
        while (to < e && b[to] != ' ') {
            to++;
        }
        return new int[] {from, to};
    }

    /** Skips a journal time stamp; returns the offset after it or -1. */
    private static int skipJournalTime(byte[] b, int s, int e) {
        // "Jun 10 09:12:44" [".123456"]
        if (e - s >= 15 && isUpper(b[s]) && isLower(b[s + 1]) && isLower(b[s + 2]) && b[s + 3] == ' ') {
            if (s + 4 < e && isLower(b[s + 4])) {
                return -1;
            }
            // short-full: "Tue 2024-05-14 10:02:03 UTC"
            if (isDigit(b[s + 4]) && e - s >= 27 && b[s + 8] == '-' && b[s + 11] == '-') {
                int p = s + 4 + 10;
                if (b[p] != ' ' || !isClock(b, p + 1, e)) {
                    return -1;
                }
                p += 9;
                if (p < e && b[p] == ' ') {
                    int z = p + 1;
                    while (z < e && isUpper(b[z])) {
                        z++;
                    }
                    return z > p + 1 ? z : -1;
                }
                return -1;
            }
            int p = s + 4;
            if (!(b[p] == ' ' || isDigit(b[p])) || !isDigit(b[p + 1]) || b[p + 2] != ' ') {
                return -1;
            }
            p += 3;
            if (!isClock(b, p, e)) {
                return -1;
            }
            p += 8;
            return skipFraction(b, p, e);
        }
        // "2024-05-14T10:02:03" [".123456"] ("+0000" | "Z") followed by a space (the collector's own
        // console time is followed by a tab, which is what tells the two apart)
        if (e - s >= 20 && isDigit(b[s]) && b[s + 4] == '-' && b[s + 7] == '-' && b[s + 10] == 'T') {
            int p = s + 11;
            if (!isClock(b, p, e)) {
                return -1;
            }
            p = skipFraction(b, p + 8, e);
            if (p < e && b[p] == 'Z') {
                p++;
            } else if (p + 6 <= e && (b[p] == '+' || b[p] == '-') && isDigit(b[p + 1]) && b[p + 3] == ':' && isDigit(b[p + 5])) {
                p += 6; // rsyslog's RFC 3339 time: +00:00
            } else if (p + 5 <= e && (b[p] == '+' || b[p] == '-') && isDigit(b[p + 1]) && isDigit(b[p + 4])) {
                p += 5;
            } else {
                return -1;
            }
            return p;
        }
        return -1;
    }

    private static int skipFraction(byte[] b, int p, int e) {
        if (p < e && b[p] == '.') {
            p++;
            while (p < e && isDigit(b[p])) {
                p++;
            }
        }
        return p;
    }

    private static boolean isClock(byte[] b, int p, int e) {
        return p + 8 <= e && isDigit(b[p]) && isDigit(b[p + 1]) && b[p + 2] == ':' && isDigit(b[p + 3])
                && isDigit(b[p + 4]) && b[p + 5] == ':' && isDigit(b[p + 6]) && isDigit(b[p + 7]);
    }

    /**
     * Whether a message continues the record before it: indented lines (Go and Java stack frames,
     * journald's indented continuation), {@code Caused by:} chains, Java exception lines and
     * bare Go function names of a zap stack trace. {@code \t} written as a JSON escape counts as
     * indentation, so journal JSON entries holding one stack line each join up as well.
     */
    public static boolean isContinuation(byte[] b, int m, int e) {
        if (m < 0 || m >= e) {
            return false;
        }
        byte c = b[m];
        if (c == '\t' && m + 2 < e && b[m + 1] == '{' && b[m + 2] == '"') {
            return true; // zap's fields object under a message that ended with a newline
        }
        if (c == ' ' || c == '\t') {
            // an indented line that starts a record of its own (a log pasted into an indented code
            // block), or an object of a pretty-printed JSON array (gcloud logging read --format=json)
            int p = skipBlanks(b, m, e);
            return !startsRecord(b, p, e) && !isLoneBrace(b, p, e);
        }
        if (c == ']') {
            return true; // the end of a pretty-printed JSON array, after its last object
        }
        if (c == '\\' && m + 1 < e && b[m + 1] == 't') {
            return true;
        }
        if (c == '#') {
            // rsyslog's escape of a leading tab, or a frame of PHP's stack trace under its exception
            return startsWith(b, m, e, "#011") || isPhpFrame(b, m, e);
        }
        if (c == 'C' && startsWith(b, m, e, "Caused by: ")) {
            return true;
        }
        if (c == 'S' && startsWith(b, m, e, "Suppressed: ")) {
            return true;
        }
        if (c == 'T' && (startsWith(b, m, e, "Traceback (most recent call last):")
                || startsWith(b, m, e, "The above exception was the direct cause of the following exception"))) {
            return true; // Python: logger.exception() prints the traceback under its own line
        }
        if (c == 'D' && startsWith(b, m, e, "During handling of the above exception")) {
            return true;
        }
        if (c == '-' && startsWith(b, m, e, "---> ")) {
            return true; // .NET: an inner exception, when a paste lost the space before its arrow
        }
        if (c == 'E' && startsWith(b, m, e, "Exception: ") && isExceptionName(b, m + 11, e)) {
            // .NET's self-diagnostics put the exception on a line of its own: Exception: System.Net.Http.HttpRequestException: ...
            return true;
        }
        if (c == '.' && e - m >= 3 && isAll(b, m, e, (byte) '.')) {
            return true; // "....": where a paste left lines out of the record it is in
        }
        if (c == '[' && startsWith(b, m, e, "[signal SIG")) {
            return true; // Go: the signal a runtime panic came with, on the line under it
        }
        if (c == 'c' && startsWith(b, m, e, "created by ") && m + 11 < e && isLower(b[m + 11])) {
            return true; // Go: the frame that started the goroutine, last in its trace
        }
        return isJavaExceptionLine(b, m, e) || isPythonExceptionLine(b, m, e) || isGoFrameFunction(b, m, e);
    }

    private static boolean isAll(byte[] b, int s, int e, byte c) {
        for (int i = s; i < e; i++) {
            if (b[i] != c) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code goroutine 48 [running]:}, which Go prints after one blank line under a panic's
     * message: the trace that names where the panic happened belongs to that message.
     */
    public static boolean isGoroutineHeader(byte[] b, int m, int e) {
        if (m < 0 || !startsWith(b, m, e, "goroutine ")) {
            return false;
        }
        int p = m + 10;
        int digits = p;
        while (p < e && isDigit(b[p])) {
            p++;
        }
        return p > digits && p + 1 < e && b[p] == ' ' && b[p + 1] == '[' && b[e - 1] == ':' && b[e - 2] == ']';
    }

    /** PHP's {@code getTraceAsString()}: {@code #3 /app/vendor/x.php(98): f()}, {@code #6 [internal function]: ...}, {@code #9 {main}}. */
    private static boolean isPhpFrame(byte[] b, int m, int e) {
        int p = m + 1;
        int digits = p;
        while (p < e && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        if (p == digits || p >= e - 1 || b[p] != ' ') {
            return false;
        }
        p++;
        return b[p] == '/' || startsWith(b, p, e, "[internal function]") || startsWith(b, p, e, "{main}")
                || p + 2 < e && b[p + 1] == ':' && b[p + 2] == '\\';
    }

    /**
     * Whether the message ends with an opening brace: gRPC's multi-line address dump ({@code grpc:
     * addrConn.createTransport failed to connect to {}, {@code Resolver state updated: {}) or the
     * first line of a pretty-printed JSON object. Its indented lines follow, and the line that
     * starts with the closing brace ({@link #closesBlock}) ends it. In journald's and docker's JSON
     * the message ends at its string's closing quote, a newline escape left out.
     *
     * @param m the line's {@link #messageStart}
     */
    public static boolean opensBlock(byte[] b, int s, int m, int e) {
        if (m < 0) {
            // no message to find: a line that is JSON's own opening, the head of a pretty-printed object
            int end = e;
            while (end > s && (b[end - 1] == ' ' || b[end - 1] == '\t' || b[end - 1] == '\r')) {
                end--;
            }
            return end > s && b[end - 1] == '{';
        }
        int end = messageEnd(b, s, e);
        if (m > s && (b[s] == '{' || b[s] == 0x1E)) {
            end = jsonStringEnd(b, m, end);
        }
        while (end > m) {
            if (b[end - 1] == ' ' || b[end - 1] == '\t') {
                end--;
            } else if (end - 2 >= m && b[end - 2] == '\\' && (b[end - 1] == 'n' || b[end - 1] == 'r')) {
                end -= 2;
            } else {
                break;
            }
        }
        return end > m && b[end - 1] == '{';
    }

    /** A message that is one member of a JSON object, {@code "Addr": "host:port",}: a quoted name, then a colon. */
    public static boolean isJsonMember(byte[] b, int m, int e) {
        if (m < 0 || m >= e || b[m] != '"') {
            return false;
        }
        int nameEnd = jsonStringEnd(b, m + 1, e);
        return nameEnd + 1 < e && b[nameEnd + 1] == ':';
    }

    /** A message that starts with a closing brace: {@code }. Err: connection error: ...}, the end of a block a record opened. */
    public static boolean closesBlock(byte[] b, int m, int e) {
        return m >= 0 && m < e && b[m] == '}';
    }

    /** The offset of the quote that closes the JSON string a message starts inside, or {@code e}. */
    private static int jsonStringEnd(byte[] b, int m, int e) {
        for (int i = m; i < e; i++) {
            if (b[i] == '\\') {
                i++;
            } else if (b[i] == '"') {
                return i;
            }
        }
        return e;
    }

    /**
     * The last line of a Python traceback: {@code ConnectionRefusedError: [Errno 111] ...},
     * {@code socket.gaierror: [Errno -2] ...}, {@code grpc._channel._InactiveRpcError: <...>}. The
     * name must be longer than its suffix, so a bare {@code Error: ...} (the collector's start-up
     * failure) still starts a record.
     */
    static boolean isPythonExceptionLine(byte[] b, int m, int e) {
        int p = m;
        int segmentStart = p;
        while (p < e) {
            byte c = b[p];
            if (c == '.') {
                segmentStart = p + 1;
            } else if (c == ':') {
                break;
            } else if (!(isLower(c) || isUpper(c) || isDigit(c) || c == '_')) {
                return false;
            }
            p++;
        }
        if (p == m || p >= e || !(isLower(b[m]) || isUpper(b[m]) || b[m] == '_') || p + 1 < e && b[p + 1] != ' ') {
            return false;
        }
        for (String suffix : new String[] {"Error", "Exception", "error", "Timeout", "timeout"}) {
            if (p - segmentStart > suffix.length() && endsWithAny(b, segmentStart, p, suffix)) {
                return true;
            }
        }
        // a class of a module named for its exceptions: google.api_core.exceptions.PermissionDenied: 403 ...
        return segmentStart > m && p > segmentStart && isUpper(b[segmentStart])
                && endsWithAny(b, m, segmentStart - 1, ".exceptions", ".errors");
    }

    private static final String[] JUL_LEVELS = {"SEVERE: ", "WARNING: ", "INFO: ", "CONFIG: ", "FINE: ", "FINER: ", "FINEST: "};

    /**
     * java.util.logging's SimpleFormatter header, {@code Jun 10, 2025 9:12:44 AM <logger> <method>}:
     * the level and message follow on the next line.
     */
    public static boolean isJulHeader(byte[] b, int m, int e) {
        if (m < 0 || e - m < 24 || !isUpper(b[m]) || !isLower(b[m + 1]) || !isLower(b[m + 2]) || b[m + 3] != ' ') {
            return false;
        }
        int p = m + 4;
        while (p < e && isDigit(b[p])) {
            p++;
        }
        if (p + 7 > e || b[p] != ',' || b[p + 1] != ' ' || !isDigit(b[p + 2]) || !isDigit(b[p + 5])) {
            return false;
        }
        int limit = Math.min(e, p + 24);
        for (int i = p + 6; i + 1 < limit; i++) {
            if ((b[i] == 'A' || b[i] == 'P') && b[i + 1] == 'M' && b[i - 1] == ' ') {
                return true;
            }
        }
        return false;
    }

    public static boolean isJulLevelLine(byte[] b, int m, int e) {
        if (m < 0 || m >= e) {
            return false;
        }
        byte c = b[m];
        if (c != 'S' && c != 'W' && c != 'I' && c != 'C' && c != 'F') {
            return false;
        }
        for (String level : JUL_LEVELS) {
            if (startsWith(b, m, e, level)) {
                return true;
            }
        }
        return false;
    }

    private static int skipBlanks(byte[] b, int p, int e) {
        while (p < e && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p;
    }

    /**
     * Whether line {@code l} is a lone {@code {} under a line {@code k} that ends with a tab: a
     * console line whose fields object a paste (an issue form, a JSON formatter) pretty-printed onto
     * the lines below it. The console layout puts a tab between the message and its fields.
     */
    public static boolean opensFieldsBelow(byte[] k, int kStart, int kEnd, byte[] l, int lStart, int lEnd) {
        int end = kEnd;
        while (end > kStart && k[end - 1] == '\r') {
            end--;
        }
        return end > kStart && k[end - 1] == '\t' && isLoneBrace(l, skipBlanks(l, lStart, lEnd), lEnd);
    }

    /** A line that holds nothing but an opening brace: a pretty-printed JSON object starts. */
    private static boolean isLoneBrace(byte[] b, int p, int e) {
        return p < e && b[p] == '{' && skipBlanks(b, p + 1, e) == e;
    }

    /** An ISO date at the start ({@code 2025-06-10T...} or {@code 2025-06-10 ...}), or a JSON object. */
    static boolean startsRecord(byte[] b, int p, int e) {
        if (p + 1 < e && b[p] == '{' && b[p + 1] == '"') {
            return true;
        }
        return e - p >= 11 && isDigit(b[p]) && isDigit(b[p + 3]) && b[p + 4] == '-' && isDigit(b[p + 5]) && b[p + 7] == '-'
                && (b[p + 10] == 'T' || b[p + 10] == ' ');
    }

    /** {@code java.net.ConnectException: ...}, {@code javax.net.ssl.SSLHandshakeException: ...}. */
    static boolean isJavaExceptionLine(byte[] b, int m, int e) {
        return m < e && isLower(b[m]) && isExceptionName(b, m, e);
    }

    /** A dotted type name ending in Exception, Error or Throwable, then a colon or the line's end. */
    private static boolean isExceptionName(byte[] b, int m, int e) {
        int p = m;
        int dots = 0;
        int segmentStart = p;
        while (p < e) {
            byte c = b[p];
            if (c == '.') {
                dots++;
                segmentStart = p + 1;
            } else if (c == ':' || c == ' ' || c == '"') {
                break;
            } else if (!(isLower(c) || isUpper(c) || isDigit(c) || c == '_' || c == '$')) {
                return false;
            }
            p++;
        }
        if (dots < 1 || p == m) {
            return false;
        }
        if (p < e && b[p] == ' ') {
            return false;
        }
        return endsWithAny(b, segmentStart, p, "Exception", "Error", "Throwable");
    }

    /**
     * {@code go.opentelemetry.io/collector/exporter/exporterhelper.(*baseExporter).send}: a path, no
     * spaces; a panic's trace adds the call's arguments, {@code .export(0xc0003dbd00, {0x4383e60, 0x1})}.
     */
    static boolean isGoFrameFunction(byte[] b, int m, int e) {
        if (!isLower(b[m])) {
            return false;
        }
        boolean slash = false;
        boolean dot = false;
        int limit = Math.min(e, m + 512);
        for (int p = m; p < limit; p++) {
            byte c = b[p];
            if (c == '"') {
                return slash && dot; // end of a JSON-escaped message (journal entry)
            }
            if (c == '(' && slash && dot && p + 1 < e && b[p + 1] != '*') {
                return b[e - 1] == ')'; // the argument list (a method's receiver is the "(*T)" before it)
            }
            if (c == ' ' || c == '\t' || c == '{' || c == '=') {
                return false;
            }
            if (c == '/') {
                slash = true;
            } else if (c == '.') {
                dot = true;
            }
        }
        return slash && dot && limit == e;
    }

    private static boolean endsWithAny(byte[] b, int s, int e, String... suffixes) {
        for (String suffix : suffixes) {
            int n = suffix.length();
            if (e - s >= n) {
                boolean same = true;
                for (int i = 0; i < n; i++) {
                    if (b[e - n + i] != suffix.charAt(i)) {
                        same = false;
                        break;
                    }
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean startsWith(byte[] b, int s, int e, String prefix) {
        if (e - s < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[s + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(byte[] b, int s, int e, byte[] prefix) {
        if (e - s < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[s + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] b, int s, int e, byte[] needle) {
        byte first = needle[0];
        int last = e - needle.length;
        outer:
        for (int i = s; i <= last; i++) {
            if (b[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(byte c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(byte c) {
        return c >= 'a' && c <= 'z';
    }
}

package io.oteldoctor.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Groups physical lines into records (a header and its continuation lines) and hands on the
 * records in which at least one line may matter, as the scanner's filter said. Records that cannot
 * matter are counted and dropped without ever being copied or decoded.
 */
public final class RecordAssembler implements LineSink {

    /** A record longer than this is cut into several, so one runaway stack trace stays bounded. */
    static final int MAX_RECORD_LINES = 400;

    private final String source;
    private final SourceStats stats;
    private final Consumer<RawRecord> out;
    private final Consumer<String> hosts;
    private Consumer<RawRecord> rejected;
    private byte[] lastHost = new byte[0];

    private long lineNo;
    private boolean previousWasJulHeader;
    private boolean previousWasPartial;
    private boolean previousWasBoxed;
    // the record's line ended with '{' (gRPC's address dump): a line that starts with '}' closes it
    private boolean recordOpensBlock;
    private boolean inHead;
    private long recordFirstLine;
    private int recordLines;
    private boolean recordPasses;
    private boolean recordTruncated;
    // a blank line after a record waits for the next: Go puts one between a panic and its trace,
    // and some pastes put one between every two lines
    private boolean blankHeld;
    private final List<byte[]> copied = new ArrayList<>();
    // The newest line of the current record may still live in the scanner's buffer only.
    private byte[] pendingBuf;
    private int pendingStart;
    private int pendingEnd;

    public RecordAssembler(String source, SourceStats stats, Consumer<RawRecord> out) {
        this(source, stats, out, null);
    }

    /** @param hosts receives every host name a transport prefix names, skipped lines included (or null) */
    public RecordAssembler(String source, SourceStats stats, Consumer<RawRecord> out, Consumer<String> hosts) {
        this.source = source;
        this.stats = stats;
        this.out = out;
        this.hosts = hosts;
    }

    /**
     * Also hands on the head line of every record the filter rejects, after counting it as skipped:
     * follow mode reads the time of every record to move its clock, but looks for signatures only
     * in the records that pass.
     */
    public RecordAssembler withRejected(Consumer<RawRecord> consumer) {
        this.rejected = consumer;
        return this;
    }

    @Override
    public void line(byte[] buf, int start, int end, boolean truncated, boolean mayMatter) {
        lineNo++;
        stats.lineRead(end - start);
        if (truncated) {
            stats.truncatedLine();
        }
        int messageStart = Layouts.messageStart(buf, start, end);
        int messageEnd = Layouts.messageEnd(buf, start, end);
        boolean blank = isBlankLine(buf, start, end, messageStart, messageEnd);
        boolean joinsAcrossBlank = false;
        if (blankHeld) {
            blankHeld = false;
            // a goroutine's trace under its panic, or the rest of a block the record opened (a paste
            // that put a blank line between every two lines of gRPC's address dump)
            joinsAcrossBlank = !blank && recordLines < MAX_RECORD_LINES - 1
                    && (Layouts.isGoroutineHeader(buf, messageStart, messageEnd) || recordOpensBlock
                    && (Layouts.closesBlock(buf, messageStart, messageEnd) || Layouts.isJsonMember(buf, messageStart, messageEnd)
                    || Layouts.isContinuation(buf, messageStart, messageEnd)));
            if (joinsAcrossBlank) {
                pinPending();
                copied.add(new byte[0]);
                recordLines++;
            } else {
                finishRecord();
                stats.blank();
            }
        }
        if (blank) {
            if (recordLines > 0) {
                blankHeld = true;
            } else {
                stats.blank();
            }
            return;
        }
        stats.firstLine(buf, start, end);
        boolean boxed = Layouts.isBoxed(buf, start, end);
        // a k9s segment that fills its box goes on only on the next boxed line
        boolean piece = previousWasPartial && (!previousWasBoxed || boxed);
        boolean closesBlock = recordOpensBlock && Layouts.closesBlock(buf, messageStart, messageEnd);
        // a paste that lost the block's indentation still shows its members, "Addr": "host:port",
        boolean member = recordOpensBlock && Layouts.isJsonMember(buf, messageStart, messageEnd);
        boolean fieldsBelow = recordLines == 1 && headOpensFieldsBelow(buf, start, end);
        boolean continuation = joinsAcrossBlank || recordLines > 0 && recordLines < MAX_RECORD_LINES
                && (piece || closesBlock || member || fieldsBelow || Layouts.isContinuation(buf, messageStart, messageEnd)
                || previousWasJulHeader && Layouts.isJulLevelLine(buf, messageStart, messageEnd));
        previousWasJulHeader = Layouts.isJulHeader(buf, messageStart, messageEnd);
        previousWasPartial = messageStart != start && Layouts.isPartial(buf, start, end);
        previousWasBoxed = boxed;
        if (continuation) {
            pinPending();
        } else {
            finishRecord();
            recordFirstLine = lineNo;
        }
        if (!continuation || piece && inHead) {
            // the head line, or a piece of it: whether it ends by opening a block
            inHead = true;
            recordOpensBlock = Layouts.opensBlock(buf, start, messageStart, end);
        } else {
            inHead = false;
            recordOpensBlock = fieldsBelow || recordOpensBlock && !closesBlock;
        }
        if (hosts != null) {
            // after the record before is handed on, so hosts and records arrive in line order
            noteHost(buf, start, end);
        }
        recordLines++;
        recordTruncated |= truncated;
        pendingBuf = buf;
        pendingStart = start;
        pendingEnd = end;
        recordPasses |= mayMatter;
    }

    /** Physical lines seen so far. */
    public long lines() {
        return lineNo;
    }

    /**
     * Whether line {@code l} starts a record whatever came before the line {@code k} it follows:
     * then a reader that starts at {@code l} with no history assembles exactly the records a reader
     * from the top does, which lets a log be read in pieces. Decided with the same checks as
     * {@link #line}.
     */
    public static boolean startsRecordAfter(byte[] b, int kStart, int kEnd, int lStart, int lEnd) {
        int k = Layouts.messageStart(b, kStart, kEnd);
        int l = Layouts.messageStart(b, lStart, lEnd);
        int lMessageEnd = Layouts.messageEnd(b, lStart, lEnd);
        boolean kBlank = isBlankLine(b, kStart, kEnd, k, Layouts.messageEnd(b, kStart, kEnd));
        if (isBlankLine(b, lStart, lEnd, l, lMessageEnd)) {
            // a blank line under a record is held back to see what follows it: only a second blank is sure to end nothing
            return kBlank;
        }
        if (kBlank) {
            // what may join a record across a blank line: a goroutine's trace, a block's members and its end
            return !Layouts.isGoroutineHeader(b, l, lMessageEnd) && !Layouts.closesBlock(b, l, lMessageEnd)
                    && !Layouts.isJsonMember(b, l, lMessageEnd) && !Layouts.isContinuation(b, l, lMessageEnd);
        }
        boolean kPartial = k != kStart && Layouts.isPartial(b, kStart, kEnd);
        // a line that starts with '}' may close a block any line before it opened
        return !kPartial && !Layouts.closesBlock(b, l, lMessageEnd) && !Layouts.isJsonMember(b, l, lMessageEnd)
                && !Layouts.opensFieldsBelow(b, kStart, kEnd, b, lStart, lEnd)
                && !Layouts.isContinuation(b, l, lMessageEnd)
                && !(Layouts.isJulHeader(b, k, Layouts.messageEnd(b, kStart, kEnd)) && Layouts.isJulLevelLine(b, l, lMessageEnd));
    }

    @Override
    public void beforeRefill() {
        pinPending();
    }

    @Override
    public void end() {
        finishRecord();
    }

    /** Whether the line is a lone brace under a one-line record whose head ends with a tab; the head may be pinned by a refill. */
    private boolean headOpensFieldsBelow(byte[] buf, int start, int end) {
        if (pendingBuf != null) {
            return Layouts.opensFieldsBelow(pendingBuf, pendingStart, pendingEnd, buf, start, end);
        }
        byte[] head = copied.get(0);
        return Layouts.opensFieldsBelow(head, 0, head.length, buf, start, end);
    }

    private void pinPending() {
        if (pendingBuf != null) {
            copied.add(Arrays.copyOfRange(pendingBuf, pendingStart, pendingEnd));
            pendingBuf = null;
        }
    }

    private void finishRecord() {
        if (blankHeld) {
            blankHeld = false;
            stats.blank();
        }
        if (recordLines == 0) {
            return;
        }
        if (recordPasses) {
            pinPending();
            out.accept(new RawRecord(source, recordFirstLine, List.copyOf(copied), recordTruncated));
        } else {
            stats.noSignature(recordLines);
            if (rejected != null) {
                byte[] head = !copied.isEmpty() ? copied.get(0) : Arrays.copyOfRange(pendingBuf, pendingStart, pendingEnd);
                rejected.accept(new RawRecord(source, recordFirstLine, List.of(head), recordTruncated));
            }
        }
        copied.clear();
        pendingBuf = null;
        recordLines = 0;
        recordPasses = false;
        recordTruncated = false;
    }

    /** Lines of one host come in long runs; a new String is made only when the host changes. */
    private void noteHost(byte[] buf, int start, int end) {
        int[] h = Layouts.hostOf(buf, start, end);
        if (h == null) {
            return;
        }
        if (!java.util.Arrays.equals(lastHost, 0, lastHost.length, buf, h[0], h[1])) {
            lastHost = Arrays.copyOfRange(buf, h[0], h[1]);
            hosts.accept(new String(lastHost, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Blank, or nothing but a transport's prefix: a journal line or a container's with an empty message. */
    private static boolean isBlankLine(byte[] b, int start, int end, int messageStart, int messageEnd) {
        return isBlank(b, start, end) || messageStart > start && messageStart <= messageEnd && isBlank(b, messageStart, messageEnd);
    }

    private static boolean isBlank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}

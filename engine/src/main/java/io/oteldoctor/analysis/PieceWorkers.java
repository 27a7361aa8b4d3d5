package io.oteldoctor.analysis;

import io.oteldoctor.ingest.LineFilter;
import io.oteldoctor.ingest.LineScanner;
import io.oteldoctor.ingest.RecordAssembler;
import io.oteldoctor.ingest.SourceStats;
import io.oteldoctor.ingest.StreamPieces;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Threads that scan pieces of a log (see {@link StreamPieces}) and read their candidate records
 * into signals, while the thread that owns the rules reads the input and applies what each piece
 * says in input order. Each worker keeps one scanner and one candidate reader for the whole run, so
 * what a reader remembers of recent record shapes carries from piece to piece. Started on the
 * first log that has more than one piece; stopped by {@link #close}.
 */
final class PieceWorkers implements AutoCloseable {

    /**
     * What one piece says, in the order its record assembler said it.
     *
     * @param items      {@link Reading}s and, when grouping by host, host names ({@link String})
     * @param lines      physical lines in the piece: the next piece's numbers start after them
     * @param failure    what stopped the piece early (the source's read failure, at the last piece), or null
     */
    record Result(SourceStats stats, List<Object> items, long lines, Throwable failure, long scanNanos, long parseNanos) {
    }

    private record Job(String logName, StreamPieces pieces, StreamPieces.Piece piece, CompletableFuture<Result> result) {
    }

    private static final Job STOP = new Job(null, null, null, null);

    private final AnalysisOptions options;
    private final LineFilter filter;
    private final int count;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    PieceWorkers(AnalysisOptions options, LineFilter filter, int count) {
        this.options = options;
        this.filter = filter;
        this.count = count;
    }

    /** Queues a piece; its buffer goes back to {@code pieces} once scanned. */
    CompletableFuture<Result> submit(String logName, StreamPieces pieces, StreamPieces.Piece piece) {
        if (threads.isEmpty()) {
            for (int i = 0; i < count; i++) {
                Thread t = new Thread(this::work, "otel-doctor-piece-" + (i + 1));
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }
        CompletableFuture<Result> result = new CompletableFuture<>();
        jobs.add(new Job(logName, pieces, piece, result));
        return result;
    }

    private void work() {
        LineScanner scanner = new LineScanner(options.maxLineBytes(), filter);
        CandidateReader reader = new CandidateReader(options);
        while (true) {
            Job job;
            try {
                job = jobs.take();
            } catch (InterruptedException e) {
                return;
            }
            if (job == STOP) {
                return;
            }
            try {
                job.result().complete(scan(scanner, reader, job));
            } catch (Throwable e) {
                job.result().completeExceptionally(e);
            } finally {
                job.pieces().recycle(job.piece());
            }
        }
    }

    private Result scan(LineScanner scanner, CandidateReader reader, Job job) {
        long start = System.nanoTime();
        long[] parseNanos = {0};
        String name = job.logName();
        SourceStats stats = new SourceStats(name);
        List<Object> items = new ArrayList<>();
        RecordAssembler assembler = new RecordAssembler(name, stats, raw -> {
            long parseStart = System.nanoTime();
            items.add(reader.read(raw, name, stats));
            parseNanos[0] += System.nanoTime() - parseStart;
        }, options.groupBy() == GroupBy.HOST ? items::add : null);
        Throwable failure = null;
        try {
            scan(scanner, job.piece(), assembler);
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        long parse = parseNanos[0];
        return new Result(stats, items, assembler.lines(), failure, System.nanoTime() - start - parse, parse);
    }

    /**
     * Scans a piece (not a {@link StreamPieces.Rest}) as a scanner reading its log from the top
     * scans those bytes. A piece that ended in a failed read ends the record under way, as when a
     * read fails under a scanner reading the stream, and throws that failure.
     */
    static void scan(LineScanner scanner, StreamPieces.Piece piece, RecordAssembler assembler) throws IOException {
        scanner.scan(piece.bytes(), 0, piece.length(), !(piece instanceof StreamPieces.Failed), assembler);
        if (piece instanceof StreamPieces.Failed failed) {
            assembler.end();
            throw failed.failure();
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < threads.size(); i++) {
            jobs.add(STOP);
        }
        for (Thread t : threads) {
            t.interrupt();
        }
    }
}

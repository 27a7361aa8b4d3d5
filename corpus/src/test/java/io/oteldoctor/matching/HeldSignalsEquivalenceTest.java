package io.oteldoctor.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.diagnosis.Evidence;
import io.oteldoctor.ingest.LogRecord;
import io.oteldoctor.ingest.RawRecord;
import io.oteldoctor.ingest.RecordParser;
import io.oteldoctor.signature.Envelope;
import io.oteldoctor.signature.Signal;
import io.oteldoctor.signature.SignatureExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * While the KieBase is still being built, a signature session holds signals (up to
 * {@link SignatureSession#BATCH_WHILE_BUILDING}) instead of firing every {@link SignatureSession#BATCH}.
 * How signals are batched must change nothing the ledger holds: the corpus's signals, many times
 * over, give the same evidence and component states whether a session fires at once or holds them
 * first.
 */
class HeldSignalsEquivalenceTest {

    @Test
    void holdingSignalsWhileTheKieBaseIsBuiltChangesNothing() throws IOException {
        Rulebase rulebase = Rulebase.bundled();
        List<Signal> corpus = corpusSignals();
        List<Signal> signals = new ArrayList<>();
        while (signals.size() < 3 * SignatureSession.BATCH_WHILE_BUILDING) {
            signals.addAll(corpus);
        }
        int[] accepted = {0};
        int holdFor = 2 * SignatureSession.BATCH_WHILE_BUILDING + 1_000; // held batches at the cap, then one short of it
        try (SignatureSession firing = new SignatureSession(rulebase, true, () -> true);
             SignatureSession holding = new SignatureSession(rulebase, true, () -> accepted[0] > holdFor)) {
            for (Signal s : signals) {
                firing.accept(s);
                accepted[0]++;
                holding.accept(s);
            }
            EvidenceLedger expected = firing.ledger();
            EvidenceLedger actual = holding.ledger();
            assertEquals(expected.groups(), actual.groups());
            for (String group : expected.groups()) {
                assertEquals(described(expected.evidence(group)), described(actual.evidence(group)), group);
                assertEquals(expected.components(group), actual.components(group), group);
            }
            assertTrue(expected.evidence("corpus").size() > 20, "the corpus gives evidence for many rules");
        }
    }

    /** Evidence compares by identity; this is everything it holds, as text. */
    private static List<String> described(List<Evidence> evidence) {
        return evidence.stream().map(e -> String.join(" | ", e.getComponent(), e.getCause(), e.getRule(), e.getSignature(),
                String.valueOf(e.getWeight()), String.valueOf(e.getCount()), String.valueOf(e.getFirstSeen()),
                String.valueOf(e.getLastSeen()), String.valueOf(e.getLastLine()), String.valueOf(e.getSamples()),
                String.valueOf(e.getOrigin()), String.valueOf(e.getAddresses()), String.valueOf(e.getAttribution()))).toList();
    }

    /** Every one-line record of every sample that reports something to the rules, in file order. */
    private static List<Signal> corpusSignals() throws IOException {
        RecordParser parser = new RecordParser();
        SignatureExtractor extractor = new SignatureExtractor();
        List<Signal> signals = new ArrayList<>();
        List<Path> samples;
        try (Stream<Path> files = Files.walk(Path.of("samples"))) {
            samples = files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        for (Path sample : samples) {
            List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                RawRecord raw = new RawRecord(sample.toString(), i + 1, List.of(lines.get(i).getBytes(StandardCharsets.UTF_8)), false);
                LogRecord record = parser.parse(raw);
                if (record != null) {
                    Signal s = extractor.extract(record, "corpus");
                    if (s.hasCause() || s.getEnvelope() != Envelope.NONE) {
                        signals.add(s);
                    }
                }
            }
        }
        return signals;
    }
}

package io.oteldoctor.matching;

import io.oteldoctor.signature.Signal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Runs the signature rules over signals in batches. Each signal is deleted once the rules have
 * fired on it: what they found lives on in the ledger, so working memory stays the size of one
 * batch however long the input is.
 *
 * <p>A failing exporter logs the same failure again and again with new times and ids. A signature
 * rule tests one signal and nothing but its {@link Signal#conditions()} (RulebaseLintTest holds
 * the DRL to that), so what the rules said about a signal holds for every later signal with equal
 * conditions: such a signal is not inserted again, and the remembered entries go to the ledger
 * with the new signal's line and time. Either way, entries reach the ledger signal by signal in
 * input order, which keeps the result independent of how the rules' agenda orders a batch.
 */
public final class SignatureSession implements AutoCloseable {

    static final int BATCH = 256;

    /** Distinct outcomes remembered; a log with more distinct failures than this is just slower. */
    static final int REMEMBERED_OUTCOMES = 4096;

    private final Rulebase rulebase;
    private final boolean remember;
    private final java.util.function.BooleanSupplier built;
    private final EvidenceLedger ledger;
    private final List<Pending> pending = new ArrayList<>(BATCH);
    private final Map<Signal.Conditions, List<EvidenceLedger.Entry>> outcomes =
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Signal.Conditions, List<EvidenceLedger.Entry>> eldest) {
                    return size() > REMEMBERED_OUTCOMES;
                }
            };
    /** Made when the rules first have to run: the rulebase may still be building until then. */
    private KieSession session;

    public SignatureSession(Rulebase rulebase) {
        this(rulebase, true);
    }

    /** @param remember false runs the rules on every signal: only to check that remembering changes nothing */
    public SignatureSession(Rulebase rulebase, boolean remember) {
        this(rulebase, remember, rulebase::built);
    }

    /** @param built whether the KieBase is ready; tests give their own to hold signals as long as they like */
    SignatureSession(Rulebase rulebase, boolean remember, java.util.function.BooleanSupplier built) {
        this.rulebase = rulebase;
        this.remember = remember;
        this.built = built;
        this.ledger = new EvidenceLedger(rulebase.signatureRules());
    }

    /** A signal waiting for its batch, and then what the rules said about it. */
    private static final class Pending {
        final Signal signal;
        FactHandle handle;
        Pending sameAs;
        List<EvidenceLedger.Entry> entries;

        Pending(Signal signal) {
            this.signal = signal;
        }
    }

    /**
     * Signals held while the KieBase is still being built, before the session waits for it: the
     * thread that reads the input goes on reading meanwhile (on a 2 GB log it had waited 0.7 s at its
     * first batch, and the other readers stopped behind it). A count, not bytes: most held signals
     * share their texts with the record they repeat.
     */
    static final int BATCH_WHILE_BUILDING = 16_384;

    public void accept(Signal signal) {
        pending.add(new Pending(signal));
        if (pending.size() >= BATCH && (session != null || built.getAsBoolean() || pending.size() >= BATCH_WHILE_BUILDING)) {
            flush();
        }
    }

    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> distinct = new ArrayList<>();
        Map<Signal.Conditions, Pending> firstInBatch = new java.util.HashMap<>();
        for (Pending p : pending) {
            if (remember) {
                Signal.Conditions conditions = p.signal.conditions();
                p.entries = outcomes.get(conditions);
                if (p.entries != null) {
                    continue;
                }
                p.sameAs = firstInBatch.putIfAbsent(conditions, p);
                if (p.sameAs != null) {
                    continue;
                }
            }
            distinct.add(p);
        }
        if (!distinct.isEmpty()) {
            fire(distinct);
        }
        for (Pending p : pending) {
            ledger.apply(p.signal, p.sameAs != null ? p.sameAs.entries : p.entries);
        }
        pending.clear();
    }

    private void fire(List<Pending> distinct) {
        if (session == null) {
            session = rulebase.kieBase().newKieSession();
            session.setGlobal("ledger", ledger);
        }
        for (Pending p : distinct) {
            p.handle = session.insert(p.signal);
        }
        List<EvidenceLedger.Captured> captured = new ArrayList<>();
        ledger.capture(captured);
        try {
            session.fireAllRules();
        } finally {
            ledger.capture(null);
        }
        Map<Signal, List<EvidenceLedger.Entry>> bySignal = new IdentityHashMap<>();
        for (EvidenceLedger.Captured c : captured) {
            bySignal.computeIfAbsent(c.signal(), s -> new ArrayList<>(2)).add(c.entry());
        }
        for (Pending p : distinct) {
            session.delete(p.handle);
            List<EvidenceLedger.Entry> entries = bySignal.getOrDefault(p.signal, new ArrayList<>(0));
            Collections.sort(entries);
            p.entries = List.copyOf(entries);
            if (remember) {
                outcomes.put(p.signal.conditions(), p.entries);
            }
        }
    }

    /** The evidence gathered so far; flushes first. */
    public EvidenceLedger ledger() {
        flush();
        return ledger;
    }

    @Override
    public void close() {
        if (session != null) {
            session.dispose();
        }
    }
}

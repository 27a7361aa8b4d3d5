package io.oteldoctor.matching;

import io.oteldoctor.signature.Signal;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Runs the signature rules over signals in batches. Each signal is deleted once the rules have
 * fired on it: what they found lives on in the ledger, so working memory stays the size of one
 * batch however long the input is.
 */
public final class SignatureSession implements AutoCloseable {

    static final int BATCH = 256;

    private final KieSession session;
    private final EvidenceLedger ledger;
    private final List<FactHandle> pending = new ArrayList<>(BATCH);

    public SignatureSession(Rulebase rulebase) {
        this.ledger = new EvidenceLedger(rulebase.signatureRules());
        this.session = rulebase.kieBase().newKieSession();
        session.setGlobal("ledger", ledger);
    }

    public void accept(Signal signal) {
        pending.add(session.insert(signal));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        session.fireAllRules();
        for (FactHandle h : pending) {
            session.delete(h);
        }
        pending.clear();
    }

    /** The evidence gathered so far; flushes first. */
    public EvidenceLedger ledger() {
        flush();
        return ledger;
    }

    @Override
    public void close() {
        session.dispose();
    }
}

package io.oteldoctor.rules;

import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.matching.Rulebase;

/** The bundled rulebase and catalogue, loaded once for the rulebase tests. */
final class Engine {

    static final Rulebase RULEBASE = Rulebase.bundled();
    static final CauseCatalogue CATALOGUE = CauseCatalogue.bundled();

    private Engine() {
    }
}

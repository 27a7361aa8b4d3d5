package io.oteldoctor.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The compiled rulebase and what its rules say about themselves. The executable model generated
 * at build time is instantiated directly: no DRL is compiled at run time and no
 * {@code kmodule.xml} is read, which keeps start-up fast and works from a shaded jar.
 */
public final class Rulebase {

    /** Where kie-maven-plugin records the generated model class of the bundled rules. */
    public static final String BUNDLED_MODEL_INDEX = "META-INF/kie/io.oteldoctor/otel-doctor-rules/drools-model";

    private final KieBase kieBase;
    private final List<SignatureRule> signatureRules;
    private final Set<String> triggers;

    private Rulebase(KieBase kieBase) {
        this.kieBase = kieBase;
        List<SignatureRule> rules = new ArrayList<>();
        Set<String> allTriggers = new LinkedHashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                List<String> ruleTriggers = splitTriggers(text(meta, "trigger"));
                allTriggers.addAll(ruleTriggers);
                String cause = text(meta, "cause");
                if (cause == null) {
                    continue;
                }
                if (ruleTriggers.isEmpty()) {
                    throw new IllegalStateException("signature rule '" + rule.getName() + "' declares no @trigger");
                }
                String weight = text(meta, "weight");
                if (weight == null) {
                    throw new IllegalStateException("signature rule '" + rule.getName() + "' declares no @weight");
                }
                double w = Double.parseDouble(weight);
                if (!(w > 0 && w <= 1)) {
                    throw new IllegalStateException("rule '" + rule.getName() + "': @weight must be in (0, 1], is " + w);
                }
                String signature = text(meta, "signature");
                rules.add(new SignatureRule(rule.getName(), cause, w, signature == null ? rule.getName() : signature,
                        ruleTriggers, text(meta, "means"), text(meta, "tellApart")));
            }
        }
        allTriggers.forEach(Prefilter::validate);
        this.signatureRules = List.copyOf(rules);
        this.triggers = Set.copyOf(allTriggers);
    }

    /** The rules bundled with otel-doctor (the {@code otel-doctor-rules} module on the class path). */
    public static Rulebase bundled() {
        return new Rulebase(KieBaseBuilder.createKieBaseFromModel(bundledModel()));
    }

    /**
     * The same rules for follow mode: stream processing, so slices of evidence are events that
     * expire with their window. Batch sessions run unchanged on it.
     */
    public static Rulebase bundledForStreams() {
        return new Rulebase(KieBaseBuilder.createKieBaseFromModel(bundledModel(), EventProcessingOption.STREAM));
    }

    private static Model bundledModel() {
        ClassLoader loader = Rulebase.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(BUNDLED_MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("no compiled rulebase on the class path (" + BUNDLED_MODEL_INDEX + ")");
            }
            String modelClass = null;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("Drools-Model-Version")) {
                    modelClass = line.strip();
                }
            }
            if (modelClass == null) {
                throw new IllegalStateException("the rulebase index names no model class: " + BUNDLED_MODEL_INDEX);
            }
            return (Model) Class.forName(modelClass, true, loader).getDeclaredConstructor().newInstance();
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the compiled rulebase: " + e, e);
        }
    }

    /** Wraps a KieBase built elsewhere (rule authoring tests). */
    public static Rulebase of(KieBase kieBase) {
        return new Rulebase(kieBase);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public List<SignatureRule> signatureRules() {
        return signatureRules;
    }

    public SignatureRule signatureRule(String name) {
        for (SignatureRule r : signatureRules) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** All trigger words of all rules: the prefilter's vocabulary. */
    public Set<String> triggers() {
        return triggers;
    }

    public Prefilter prefilter() {
        return new Prefilter(triggers);
    }

    private static String text(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static List<String> splitTriggers(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}

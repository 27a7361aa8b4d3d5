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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
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

    /** Where kie-maven-plugin records the generated model classes of the bundled rules, one per package. */
    public static final String BUNDLED_MODEL_INDEX = "META-INF/kie/io.oteldoctor/otel-doctor-rules/drools-model";

    /**
     * The package of the rules only follow mode runs (the sliding window over slices of evidence
     * and its event type). A batch run never inserts their facts, and leaving them out of its
     * KieBase spares a short run their share of the build: an accumulate over a time window,
     * an event type's timestamp accessor and a query.
     */
    public static final String FOLLOW_PACKAGE = "io.oteldoctor.rules.follow";

    private final CompletableFuture<KieBase> kieBase;
    private final List<SignatureRule> signatureRules;
    private final Set<String> triggers;

    /**
     * @param rules every rule's name and metadata, known before the KieBase is built
     * @param kieBase the KieBase, built or being built
     */
    private Rulebase(List<IndexedRule> rules, CompletableFuture<KieBase> kieBase) {
        this.kieBase = kieBase;
        List<SignatureRule> signature = new ArrayList<>();
        Set<String> allTriggers = new LinkedHashSet<>();
        for (IndexedRule rule : rules) {
            String name = rule.name();
            Map<String, Object> meta = rule.metadata();
            List<String> ruleTriggers = splitTriggers(text(meta, "trigger"));
            allTriggers.addAll(ruleTriggers);
            String cause = text(meta, "cause");
            if (cause == null) {
                continue;
            }
            if (ruleTriggers.isEmpty()) {
                throw new IllegalStateException("signature rule '" + name + "' declares no @trigger");
            }
            String weight = text(meta, "weight");
            if (weight == null) {
                throw new IllegalStateException("signature rule '" + name + "' declares no @weight");
            }
            double w = Double.parseDouble(weight);
            if (!(w > 0 && w <= 1)) {
                throw new IllegalStateException("rule '" + name + "': @weight must be in (0, 1], is " + w);
            }
            String sig = text(meta, "signature");
            signature.add(new SignatureRule(name, cause, w, sig == null ? name : sig, ruleTriggers, text(meta, "means"),
                    text(meta, "tellApart")));
        }
        allTriggers.forEach(Prefilter::validate);
        this.signatureRules = List.copyOf(signature);
        this.triggers = Set.copyOf(allTriggers);
    }

    /** Builds a KieBase on a thread of its own, so its caller can go on meanwhile. */
    private static CompletableFuture<KieBase> buildInBackground(Callable<KieBase> build) {
        CompletableFuture<KieBase> kieBase = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                kieBase.complete(build.call());
            } catch (Throwable e) {
                kieBase.completeExceptionally(e);
                return;
            }
            // The first session of a run loads and initialises Drools' session classes, some
            // 60 ms. Done here, once the KieBase is handed over, it is off the reading
            // thread's path; a session wanted meanwhile just waits for those classes.
            try {
                kieBase.join().newKieSession().dispose();
            } catch (RuntimeException e) {
                // nothing is lost: the run's own first session meets the same failure and reports it
            }
        }, "otel-doctor-rulebase");
        builder.setDaemon(true);
        builder.start();
        return kieBase;
    }

    /**
     * The rules bundled with otel-doctor (the {@code otel-doctor-rules} module on the class path),
     * for batch analysis: every package but {@link #FOLLOW_PACKAGE}. Their metadata, and so the
     * prefilter, is ready at once from the {@link RuleIndex} the build wrote beside them; the
     * executable model is loaded and the KieBase, most of a run's start-up, built on another thread
     * while the caller starts reading its input.
     */
    public static Rulebase bundled() {
        return bundled(pkg -> !pkg.equals(FOLLOW_PACKAGE), models -> KieBaseBuilder.createKieBaseFromModel(models));
    }

    /**
     * All the bundled rules, follow mode's too, for stream processing: slices of evidence are
     * events that expire with their window. Batch sessions run unchanged on it.
     */
    public static Rulebase bundledForStreams() {
        return bundled(pkg -> true, models -> KieBaseBuilder.createKieBaseFromModel(models, EventProcessingOption.STREAM));
    }

    private static Rulebase bundled(Predicate<String> packages, Function<List<Model>, KieBase> build) {
        // The builder starts before the index is read: the model and the KieBase are the longest
        // part of a short run's start-up, and reading the index (tens of milliseconds, Jackson's
        // first use) would otherwise come first.
        CompletableFuture<List<Model>> models = new CompletableFuture<>();
        CompletableFuture<List<IndexedRule>> index = new CompletableFuture<>();
        CompletableFuture<KieBase> kieBase = buildInBackground(() -> {
            List<Model> loaded;
            try {
                loaded = bundledModels(packages);
            } catch (Throwable e) { // an Error too: the caller may be waiting for the model
                models.completeExceptionally(e);
                throw e;
            }
            models.complete(loaded);
            List<IndexedRule> indexed = index.join();
            if (indexed != null && !RuleIndex.of(loaded).equals(indexed)) {
                throw new IllegalStateException("the rule index (" + RuleIndex.BUNDLED + ") does not match the compiled rules; rebuild them");
            }
            return build.apply(loaded);
        });
        List<IndexedRule> indexed = null;
        try {
            List<IndexedRule> all = RuleIndex.bundled();
            indexed = all == null ? null : all.stream().filter(r -> packages.test(r.packageName())).toList();
        } finally {
            index.complete(indexed); // null when it failed to read: the builder must not wait forever
        }
        if (indexed == null) { // rules built without the index: the model must be loaded first
            try {
                return new Rulebase(RuleIndex.of(models.join()), kieBase);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return new Rulebase(indexed, kieBase);
    }

    /**
     * Instantiates the bundled executable models, one per rule package, whose package the filter
     * accepts. A model builds all its rules when it is instantiated, so a package left out here
     * costs a run nothing.
     */
    static List<Model> bundledModels(Predicate<String> packages) {
        ClassLoader loader = Rulebase.class.getClassLoader();
        List<String> modelClasses = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(BUNDLED_MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("no compiled rulebase on the class path (" + BUNDLED_MODEL_INDEX + ")");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("Drools-Model-Version")) {
                    modelClasses.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the rulebase index " + BUNDLED_MODEL_INDEX + ": " + e, e);
        }
        if (modelClasses.isEmpty()) {
            throw new IllegalStateException("the rulebase index names no model class: " + BUNDLED_MODEL_INDEX);
        }
        List<Model> models = new ArrayList<>();
        for (String modelClass : modelClasses) {
            // the generated model class lives in its rules' package
            int dot = modelClass.lastIndexOf('.');
            if (packages.test(dot < 0 ? "" : modelClass.substring(0, dot))) {
                try {
                    models.add((Model) Class.forName(modelClass, true, loader).getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot load the compiled rulebase: " + e, e);
                }
            }
        }
        return models;
    }

    /** Wraps a KieBase built elsewhere (rule authoring tests). */
    public static Rulebase of(KieBase kieBase) {
        List<IndexedRule> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                rules.add(new IndexedRule(pkg.getName(), rule.getName(), rule.getMetaData()));
            }
        }
        return new Rulebase(rules, CompletableFuture.completedFuture(kieBase));
    }

    /** Whether the KieBase is built (or failed to build): then {@link #kieBase()} does not wait. */
    public boolean built() {
        return kieBase.isDone();
    }

    /** The KieBase; waits for it if it is still being built. */
    public KieBase kieBase() {
        try {
            return kieBase.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot build the rulebase: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rulebase was built", e);
        }
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

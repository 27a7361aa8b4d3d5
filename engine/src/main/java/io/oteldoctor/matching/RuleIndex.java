package io.oteldoctor.matching;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.model.Model;

/**
 * Every rule's name and metadata, written next to the compiled rules when they are built. The
 * prefilter and the ledger need only this, while instantiating the rules' executable model takes
 * a start about 0.15 s before the KieBase can even be built; with the index, a run starts reading
 * its input at once and the model is loaded on the thread that builds the KieBase, which checks
 * that it says what the index says.
 *
 * <p>Metadata values are kept as the text the model gives them ({@code toString()}), which is all
 * {@link Rulebase} reads of them. Each rule also names its package, so a run that builds only some
 * of the packages (a batch run leaves out follow mode's) can check those against the index.
 */
public final class RuleIndex {

    /** Where the rules module's build writes the index of the bundled rules. */
    public static final String BUNDLED = "META-INF/otel-doctor/rule-index.json";

    private static final JsonFactory JSON = new JsonFactory();

    private RuleIndex() {
    }

    /** The index of compiled models: their rules in model order, metadata as text. */
    static List<IndexedRule> of(List<Model> models) {
        List<IndexedRule> rules = new ArrayList<>();
        for (Model model : models) {
            model.getRules().forEach(r -> {
                Map<String, Object> meta = new LinkedHashMap<>();
                r.getMetaData().forEach((k, v) -> meta.put(k, String.valueOf(v)));
                rules.add(new IndexedRule(r.getPackage(), r.getName(), meta));
            });
        }
        return rules;
    }

    /** The bundled rules' index, or null when the class path has none (rules built without it). */
    static List<IndexedRule> bundled() {
        try (InputStream in = RuleIndex.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            return in == null ? null : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule index " + BUNDLED, e);
        }
    }

    static List<IndexedRule> read(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            List<IndexedRule> rules = new ArrayList<>();
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String pkg = null;
                String name = null;
                Map<String, Object> meta = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("package")) {
                        expect(p, value, JsonToken.VALUE_STRING);
                        pkg = p.getText();
                    } else if (field.equals("name")) {
                        expect(p, value, JsonToken.VALUE_STRING);
                        name = p.getText();
                    } else if (field.equals("metadata")) {
                        expect(p, value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            expect(p, p.nextToken(), JsonToken.VALUE_STRING);
                            meta.put(key, p.getText());
                        }
                    } else {
                        throw new JsonParseException(p, "unknown field '" + field + "' in the rule index");
                    }
                }
                if (name == null) {
                    throw new JsonParseException(p, "a rule without a name in the rule index");
                }
                if (pkg == null) {
                    throw new JsonParseException(p, "rule '" + name + "' has no package in the rule index");
                }
                rules.add(new IndexedRule(pkg, name, meta));
            }
            expect(p, p.currentToken(), JsonToken.END_ARRAY);
            return rules;
        }
    }

    static void write(List<IndexedRule> rules, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (IndexedRule rule : rules) {
                g.writeStartObject();
                g.writeStringField("package", rule.packageName());
                g.writeStringField("name", rule.name());
                g.writeObjectFieldStart("metadata");
                for (Map.Entry<String, Object> m : rule.metadata().entrySet()) {
                    g.writeStringField(m.getKey(), String.valueOf(m.getValue()));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new JsonParseException(p, "expected " + expected + " in the rule index, found " + actual);
        }
    }

    /** Run by the rules module's build: writes the index of every model on the class path to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RuleIndex OUTPUT-FILE");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            write(of(Rulebase.bundledModels(pkg -> true)), o);
        }
    }
}

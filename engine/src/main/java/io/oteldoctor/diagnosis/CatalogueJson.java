package io.oteldoctor.diagnosis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the catalogue's files ({@code causes.json}, {@code calibration.json}) with Jackson's
 * streaming parser. Every run reads them, and data binding (an ObjectMapper, introspecting the
 * records, building deserializers) cost a cold run about 0.1 s of CPU for two small files.
 * Unknown fields in the causes are an error, as they were with data binding, so a misspelt key
 * does not silently drop a fix or a check.
 */
final class CatalogueJson {

    private static final JsonFactory JSON = new JsonFactory();

    private CatalogueJson() {
    }

    /** The {@code causes} of {@code causes.json}, in file order. */
    static List<CauseEntry> causes(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            List<CauseEntry> causes = null;
            start(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "schema" -> text(p, value, field);
                    case "causes" -> {
                        start(p, value, JsonToken.START_ARRAY);
                        causes = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            causes.add(cause(p));
                        }
                    }
                    default -> throw new JsonParseException(p, "unknown field '" + field + "' in the catalogue");
                }
            }
            if (causes == null) {
                throw new JsonParseException(p, "the catalogue has no 'causes'");
            }
            return causes;
        }
    }

    private static CauseEntry cause(JsonParser p) throws IOException {
        start(p, p.currentToken(), JsonToken.START_OBJECT);
        String id = null;
        String title = null;
        String summary = null;
        String fix = null;
        String why = null;
        Map<String, String> checks = null;
        List<NextError> next = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> id = text(p, value, field);
                case "title" -> title = text(p, value, field);
                case "summary" -> summary = text(p, value, field);
                case "fix" -> fix = text(p, value, field);
                case "why" -> why = text(p, value, field);
                case "checks" -> {
                    start(p, value, JsonToken.START_OBJECT);
                    checks = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String transport = p.currentName();
                        checks.put(transport, text(p, p.nextToken(), "checks." + transport));
                    }
                }
                case "next" -> {
                    start(p, value, JsonToken.START_ARRAY);
                    next = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        next.add(next(p));
                    }
                }
                default -> throw new JsonParseException(p, "unknown field '" + field + "' in cause " + (id == null ? "" : "'" + id + "'"));
            }
        }
        if (id == null || title == null || summary == null || fix == null || why == null || checks == null || next == null) {
            throw new JsonParseException(p, "cause " + (id == null ? "without an id" : "'" + id + "'")
                    + " lacks one of id, title, summary, fix, why, checks, next");
        }
        return new CauseEntry(id, title, summary, fix, why, checks, next);
    }

    private static NextError next(JsonParser p) throws IOException {
        start(p, p.currentToken(), JsonToken.START_OBJECT);
        String cause = null;
        String reason = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "cause" -> cause = text(p, value, field);
                case "reason" -> reason = text(p, value, field);
                default -> throw new JsonParseException(p, "unknown field '" + field + "' in a next error");
            }
        }
        if (cause == null || reason == null) {
            throw new JsonParseException(p, "a next error lacks its cause or reason");
        }
        return new NextError(cause, reason);
    }

    /** The {@code knots} of {@code calibration.json}; the other fields document the fit and are skipped. */
    static List<Calibration.Knot> knots(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            List<Calibration.Knot> knots = null;
            start(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("knots")) {
                    p.skipChildren();
                    continue;
                }
                start(p, value, JsonToken.START_ARRAY);
                knots = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    start(p, p.currentToken(), JsonToken.START_OBJECT);
                    Double raw = null;
                    Double stated = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken number = p.nextToken();
                        if (!number.isNumeric()) {
                            throw new JsonParseException(p, "knot field '" + name + "' is not a number");
                        }
                        switch (name) {
                            case "raw" -> raw = p.getDoubleValue();
                            case "stated" -> stated = p.getDoubleValue();
                            default -> throw new JsonParseException(p, "unknown field '" + name + "' in a knot");
                        }
                    }
                    if (raw == null || stated == null) {
                        throw new JsonParseException(p, "a knot lacks raw or stated");
                    }
                    knots.add(new Calibration.Knot(raw, stated));
                }
            }
            if (knots == null) {
                throw new JsonParseException(p, "the calibration has no 'knots'");
            }
            return knots;
        }
    }

    private static void start(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new JsonParseException(p, "expected " + expected + ", found " + actual);
        }
    }

    private static String text(JsonParser p, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new JsonParseException(p, "'" + field + "' must be a string, is " + value);
        }
        return p.getText();
    }
}

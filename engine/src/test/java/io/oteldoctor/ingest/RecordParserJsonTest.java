package io.oteldoctor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser reads JSON lines into trees without an ObjectMapper; the trees must be the ones
 * {@code ObjectMapper.readTree} builds, node kinds included, since layouts read fields as text
 * from them.
 */
class RecordParserJsonTest {

    /** The parser accepts a trailing comma (pastes cut down to a field keep it), so the reference does too. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private static void assertSameTree(String json) {
        JsonNode expected;
        try {
            expected = MAPPER.readTree(json);
        } catch (Exception e) {
            assertNull(RecordParser.readJson(json), json);
            return;
        }
        JsonNode actual = RecordParser.readJson(json);
        if (expected == null || !expected.isObject()) {
            assertNull(actual, json);
            return;
        }
        assertEquals(expected, actual, json);
        assertEquals(expected.toString(), actual.toString(), json);
    }

    @Test
    void buildsTheTreesObjectMapperBuilds() {
        for (String json : List.of(
                "{\"level\":\"error\",\"ts\":1749546007.25,\"msg\":\"x\"}",
                "{\"i\":2147483647,\"l\":2147483648,\"b\":123456789012345678901234567890,\"n\":-0,\"e\":1e400,\"f\":-2.5E-3}",
                "{\"dup\":1,\"other\":true,\"dup\":\"second\"}",
                "{\"a\":[1,[2,{\"b\":null}],\"\\u00e9\\n\\\"\"],\"o\":{}}",
                "{\"x\":1} trailing words",
                "{\"x\":1,}",
                "{\"x\":",
                "{\"x\":[1,2}",
                "{}",
                "{\"MESSAGE\":[104,105],\"__REALTIME_TIMESTAMP\":\"1\"}",
                "{'single':1}",
                "{\"x\":NaN}",
                "{\"x\":01}")) {
            assertSameTree(json);
        }
    }

    @Test
    void agreesOnRandomDocuments() {
        Random random = new Random(3);
        for (int n = 0; n < 3000; n++) {
            StringBuilder json = new StringBuilder();
            value(json, random, 0, true);
            String s = json.toString();
            if (random.nextInt(5) == 0) { // damage it
                int at = random.nextInt(s.length());
                s = s.substring(0, at) + "{}[],:\"1 ".charAt(random.nextInt(9)) + s.substring(at + 1);
            }
            assertSameTree(s);
        }
    }

    private static void value(StringBuilder out, Random random, int depth, boolean object) {
        int kind = object ? 0 : random.nextInt(depth > 3 ? 7 : 9);
        switch (kind) {
            case 0 -> {
                out.append('{');
                for (int i = random.nextInt(5); i > 0; i--) {
                    out.append('"').append("k").append(random.nextInt(4)).append("\":");
                    value(out, random, depth + 1, false);
                    out.append(i > 1 ? "," : "");
                }
                out.append('}');
            }
            case 1 -> out.append('"').append(random.nextBoolean() ? "t\\u00e9xt" : "a\\\"b").append('"');
            case 2 -> out.append(random.nextInt());
            case 3 -> out.append(random.nextLong());
            case 4 -> out.append(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 5 -> out.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null");
            case 6 -> out.append("98765432109876543210").append(random.nextInt(10));
            case 7 -> value(out, random, depth + 1, true);
            default -> {
                out.append('[');
                for (int i = random.nextInt(4); i > 0; i--) {
                    value(out, random, depth + 1, false);
                    out.append(i > 1 ? "," : "");
                }
                out.append(']');
            }
        }
    }
}

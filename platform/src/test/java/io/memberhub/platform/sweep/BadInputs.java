package io.memberhub.platform.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberhub.platform.sweep.ApiOperations.Operation;
import io.memberhub.platform.sweep.ApiOperations.Parameter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bad inputs tried on each operation, made from its schema: the body broken as a whole (not JSON,
 * not an object, empty, too big, nested too deep, an unknown field, the wrong media type), then one
 * field at a time (missing, the wrong type, out of its bounds, text PostgreSQL cannot store), and each
 * query parameter the same way. {@code mustRefuse} inputs are wrong for every operation; the others
 * (negative and extreme numbers, hostile but valid text) may be accepted, and must then read back exactly.
 */
final class BadInputs {

    /** An input: a whole body, or one query parameter added to the path. */
    record Input(String label, String body, String contentType, String query, boolean mustRefuse, String field, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Written into the JSON text as the escape of a lone UTF-16 surrogate, which no JSON library would write. */
    private static final String LONE_SURROGATE = "LONE-SURROGATE-MARK";
    static final int HUGE = 2 * 1024 * 1024;

    /** Text a client may well send: it must be stored and read back exactly, and never run as code anywhere. */
    static final List<String> NASTY_BUT_VALID = List.of(
            "😀 会员 مرحبا",
            "\u202eevil\u202c right-to-left",
            "<script>alert('x')</script>",
            "'; drop table member; --",
            "{member.name} {#include secret /}",
            "${jndi:ldap://x.invalid/a} %s %n");

    /** Query parameters naming a page, a page size or a continuation: their bad values are refused, never clamped. */
    private static final Set<String> PAGING = Set.of("page", "size", "limit");
    private static final Set<String> CURSORS = Set.of("cursor", "before");

    private final ApiOperations api;
    private final ExampleBodies examples;

    BadInputs(ApiOperations api, ExampleBodies examples) {
        this.api = api;
        this.examples = examples;
    }

    JsonNode base(Operation op) {
        return examples.forOperation(op);
    }

    /** The inputs for an operation's JSON body, each one change away from {@code base}: those that must be refused, or the others. */
    List<Input> body(Operation op, JsonNode base, boolean mustRefuse) {
        List<Input> inputs = new ArrayList<>();
        if (!mustRefuse) {
            for (Field field : fields(op)) {
                inputs.addAll(forField(base, field).stream().filter(i -> !i.mustRefuse()).toList());
            }
            return inputs;
        }
        String valid = write(base);
        inputs.add(refuse("malformed JSON", valid.substring(0, valid.length() - 1) + ",\"a\":"));
        inputs.add(refuse("not JSON at all", "member=1&x=2"));
        inputs.add(refuse("empty body", ""));
        inputs.add(refuse("null body", "null"));
        inputs.add(refuse("an array for the body", "[" + valid + "]"));
        inputs.add(refuse("a string for the body", "\"text\""));
        inputs.add(refuse("nested 5000 deep", "{\"sweep\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
        inputs.add(refuse("an unknown field", write(with(base, List.of("sweepUnknownField"), NODES.numberNode(1)))));
        inputs.add(new Input("JSON sent as text/plain", valid, "text/plain", null, true, null, null));
        String huge = write(with(base, List.of(firstTextField(op).orElse("sweepHuge")), NODES.textNode("x".repeat(HUGE))));
        inputs.add(refuse("2 MB in a field", huge));
        inputs.add(new Input("2 MB in a field, chunked", huge, "application/json; sweep=chunked", null, true, null, null));
        for (Field field : fields(op)) {
            inputs.addAll(forField(base, field).stream().filter(Input::mustRefuse).toList());
        }
        return inputs;
    }

    /** The inputs for the operation's query parameters, one bad parameter at a time. */
    List<Input> query(Operation op) {
        List<Input> inputs = new ArrayList<>();
        for (Parameter p : op.in("query")) {
            JsonNode s = api.resolve(p.schema());
            if (s.path("type").asText().equals("array")) {
                s = api.resolve(s.get("items"));
            }
            String name = p.name();
            String type = s.path("type").asText("string");
            String format = s.path("format").asText("");
            List<String[]> must = new ArrayList<>();
            List<String[]> may = new ArrayList<>();
            if (type.equals("integer")) {
                must.add(new String[] {"not a number", "abc"});
                must.add(new String[] {"a fraction", "1.5"});
                must.add(new String[] {"beyond 64 bits", "99999999999999999999"});
                (PAGING.contains(name) ? must : may).add(new String[] {"negative", "-1"});
                (PAGING.contains(name) && !name.equals("page") ? must : may).add(new String[] {"huge", "100000000"});
                may.add(new String[] {"zero", "0"});
                may.add(new String[] {"the largest int", String.valueOf(Integer.MAX_VALUE)});
            } else if (type.equals("boolean")) {
                may.add(new String[] {"not a boolean", "maybe"});
            } else if (s.has("enum")) {
                must.add(new String[] {"not one of the values", "NOT_A_VALUE"});
            } else if (format.equals("uuid")) {
                must.add(new String[] {"not an id", "not-a-uuid"});
            } else if (format.equals("date")) {
                must.add(new String[] {"not a date", "2020-13-45"});
            } else {
                must.add(new String[] {"NUL in text", "sweep%00text"});
                // Bytes that are not UTF-8 are read as U+FFFD, which matches nothing: no surrogate reaches the platform.
                may.add(new String[] {"a lone surrogate's bytes", "%ED%A0%80"});
                (CURSORS.contains(name) ? must : may).add(new String[] {"garbage", "not*a*cursor"});
                // Request lines are limited to 4 KB by the HTTP server (414 before the platform sees them): long, within it.
                may.add(new String[] {"3000 characters", "x".repeat(3_000)});
                for (String text : NASTY_BUT_VALID) {
                    may.add(new String[] {"hostile text", encode(text)});
                }
            }
            must.forEach(v -> inputs.add(new Input("query " + name + ": " + v[0], null, null, name + "=" + v[1], true, null, null)));
            may.forEach(v -> inputs.add(new Input("query " + name + ": " + v[0], null, null, name + "=" + v[1], false, null, null)));
        }
        return inputs;
    }

    /** A property of the body, top-level or one level down (in an object, or in an array's first item). */
    record Field(List<Object> path, List<JsonNode> schemas, boolean required) {

        JsonNode schema() {
            return schemas.getLast();
        }

        String name() {
            return path.stream().map(String::valueOf).reduce((x, y) -> x + "." + y).orElse("");
        }
    }

    List<Field> fields(Operation op) {
        List<Field> fields = new ArrayList<>();
        JsonNode top = api.resolve(op.bodySchema());
        top.path("properties").properties().forEach(p -> {
            JsonNode s = api.resolve(p.getValue());
            boolean required = contains(top.path("required"), p.getKey());
            fields.add(new Field(List.of(p.getKey()), List.of(s), required));
            JsonNode nested = s;
            List<Object> prefix = new ArrayList<>(List.of(p.getKey()));
            List<JsonNode> schemas = new ArrayList<>(List.of(s));
            if (s.path("type").asText().equals("array") && s.has("items")) {
                nested = api.resolve(s.get("items"));
                prefix.add(0);
                schemas.add(nested);
            }
            JsonNode parent = nested;
            parent.path("properties").properties().forEach(q -> {
                List<Object> path = new ArrayList<>(prefix);
                path.add(q.getKey());
                List<JsonNode> chain = new ArrayList<>(schemas);
                chain.add(api.resolve(q.getValue()));
                fields.add(new Field(List.copyOf(path), List.copyOf(chain), contains(parent.path("required"), q.getKey())));
            });
        });
        return fields;
    }

    private List<Input> forField(JsonNode base, Field field) {
        List<Input> inputs = new ArrayList<>();
        JsonNode s = field.schema();
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        String format = s.path("format").asText("");
        String name = field.name();
        if (field.required()) {
            inputs.add(refuse(name + " missing", write(without(with(base, field, NODES.nullNode()), field))));
        }
        List<Object[]> must = new ArrayList<>();
        List<Object[]> may = new ArrayList<>();
        if (s.has("enum")) {
            must.add(new Object[] {"not one of the values", NODES.textNode("NOT_A_VALUE")});
            must.add(new Object[] {"an object", NODES.objectNode()});
        } else {
            switch (type) {
                case "string" -> {
                    must.add(new Object[] {"an object", NODES.objectNode()});
                    must.add(new Object[] {"an array", NODES.arrayNode()});
                    if (format.equals("uuid")) {
                        must.add(new Object[] {"not an id", NODES.textNode("not-a-uuid")});
                    } else if (format.equals("date")) {
                        must.add(new Object[] {"not a date", NODES.textNode("2020-13-45")});
                    } else if (format.equals("date-time")) {
                        must.add(new Object[] {"not a time", NODES.textNode("yesterday")});
                    } else {
                        must.add(new Object[] {"NUL in text", NODES.textNode("sweep\u0000text")});
                        must.add(new Object[] {"a lone surrogate", NODES.textNode(LONE_SURROGATE)});
                        if (s.has("maxLength") && s.get("maxLength").asInt() < 100_000) {
                            must.add(new Object[] {"longer than " + s.get("maxLength").asInt(), NODES.textNode("y".repeat(s.get("maxLength").asInt() + 1))});
                        }
                        if (s.path("pattern").asText().equals("\\S")) {
                            must.add(new Object[] {"blank", NODES.textNode("   ")});
                        }
                        boolean freeText = !s.has("pattern") || Set.of("\\S", "").contains(s.get("pattern").asText());
                        if (freeText) {
                            // Every hostile text where it can be read back (top level); one of them one level down.
                            (field.path().size() == 1 ? NASTY_BUT_VALID : NASTY_BUT_VALID.subList(0, 1))
                                    .forEach(text -> may.add(new Object[] {"hostile text", NODES.textNode(text)}));
                            if (!s.has("maxLength")) {
                                may.add(new Object[] {"10 000 characters", NODES.textNode("z".repeat(10_000))});
                            }
                        }
                    }
                }
                case "integer", "number" -> {
                    must.add(new Object[] {"a word", NODES.textNode("abc")});
                    must.add(new Object[] {"an object", NODES.objectNode()});
                    must.add(new Object[] {"a fraction", NODES.numberNode(new BigDecimal("1.5"))});
                    must.add(new Object[] {"1e30", NODES.numberNode(new BigDecimal("1e30"))});
                    must.add(new Object[] {"beyond 64 bits", NODES.numberNode(new BigInteger("99999999999999999999999"))});
                    if (format.equals("int32")) {
                        must.add(new Object[] {"beyond 32 bits", NODES.numberNode(2_147_483_648L)});
                    }
                    if (s.has("minimum")) {
                        must.add(new Object[] {"below its minimum", NODES.numberNode(s.get("minimum").asLong() - 1)});
                    } else {
                        may.add(new Object[] {"-1", NODES.numberNode(-1)});
                        may.add(new Object[] {"the smallest long", NODES.numberNode(format.equals("int32") ? Integer.MIN_VALUE : Long.MIN_VALUE)});
                    }
                    if (s.has("exclusiveMinimum")) {
                        must.add(new Object[] {"at its exclusive minimum", NODES.numberNode(s.get("exclusiveMinimum").asLong())});
                    }
                    if (s.has("maximum")) {
                        must.add(new Object[] {"above its maximum", NODES.numberNode(s.get("maximum").asLong() + 1)});
                    } else {
                        may.add(new Object[] {"the largest long", NODES.numberNode(format.equals("int32") ? Integer.MAX_VALUE : Long.MAX_VALUE)});
                    }
                    may.add(new Object[] {"zero", NODES.numberNode(0)});
                }
                case "boolean" -> {
                    must.add(new Object[] {"a word", NODES.textNode("yes")});
                    must.add(new Object[] {"an object", NODES.objectNode()});
                }
                case "array" -> {
                    must.add(new Object[] {"an object", NODES.objectNode()});
                    must.add(new Object[] {"a string", NODES.textNode("x")});
                    if (s.has("maxItems") && s.has("items")) {
                        ArrayNode many = NODES.arrayNode();
                        for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                            many.add(examples.example(s.get("items"), lastName(field), name + "[" + i + "]"));
                        }
                        must.add(new Object[] {"more than " + s.get("maxItems").asInt() + " items", many});
                    }
                }
                default -> {
                    must.add(new Object[] {"a string", NODES.textNode("x")});
                    must.add(new Object[] {"an array", NODES.arrayNode()});
                    if (s.has("maxProperties") && s.path("additionalProperties").isObject()) {
                        ObjectNode many = NODES.objectNode();
                        for (int i = 0; i <= s.get("maxProperties").asInt(); i++) {
                            many.set("k" + i, examples.example(s.get("additionalProperties"), null, name + ".k" + i));
                        }
                        must.add(new Object[] {"more than " + s.get("maxProperties").asInt() + " entries", many});
                    }
                }
            }
        }
        boolean topLevel = field.path().size() == 1;
        must.forEach(v -> inputs.add(refuse(name + ": " + v[0], write(with(base, field, (JsonNode) v[1])))));
        may.forEach(v -> inputs.add(new Input(name + ": " + v[0], write(with(base, field, (JsonNode) v[1])), "application/json", null, false,
                topLevel ? name : null, ((JsonNode) v[1]).isTextual() ? ((JsonNode) v[1]).asText() : null)));
        return inputs;
    }

    private static String lastName(Field field) {
        return String.valueOf(field.path().getLast());
    }

    java.util.Optional<String> firstTextField(Operation op) {
        JsonNode top = api.resolve(op.bodySchema());
        List<String> names = new ArrayList<>();
        top.path("properties").properties().forEach(p -> {
            JsonNode s = api.resolve(p.getValue());
            if (s.path("type").asText().equals("string") && !s.has("enum") && !s.has("format")) {
                names.add(p.getKey());
            }
        });
        return names.stream().findFirst();
    }

    private static Input refuse(String label, String body) {
        return new Input(label, body, "application/json", null, true, null, null);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode with(JsonNode base, List<String> path, JsonNode value) {
        ObjectNode copy = (ObjectNode) base.deepCopy();
        copy.set(path.getFirst(), value);
        return copy;
    }

    /** {@code base} with the field set to {@code value}, its parents made from their examples where the base has none. */
    private JsonNode with(JsonNode base, Field field, JsonNode value) {
        JsonNode copy = base.deepCopy();
        JsonNode node = copy;
        for (int i = 0; i < field.path().size() - 1; i++) {
            Object step = field.path().get(i);
            JsonNode child = step instanceof Integer index ? node.get(index) : node.get((String) step);
            if (child == null || child.isNull() || child.isArray() && child.isEmpty()) {
                JsonNode s = field.schemas().get(i);
                child = s.path("type").asText().equals("array")
                        ? NODES.arrayNode().add(examples.example(s.get("items"), String.valueOf(step), field.name()))
                        : examples.example(s, String.valueOf(step), field.name());
                if (step instanceof Integer index) {
                    ((ArrayNode) node).set(index, child);
                } else {
                    ((ObjectNode) node).set((String) step, child);
                }
            }
            node = child;
        }
        Object last = field.path().getLast();
        ((ObjectNode) node).set((String) last, value);
        return copy;
    }

    private static JsonNode without(JsonNode base, Field field) {
        JsonNode copy = base.deepCopy();
        JsonNode node = copy;
        for (int i = 0; i < field.path().size() - 1 && node != null; i++) {
            Object step = field.path().get(i);
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        if (node instanceof ObjectNode object) {
            object.remove((String) field.path().getLast());
        }
        return copy;
    }

    static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body).replace(LONE_SURROGATE, "\\ud800");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package io.memberhub.platform.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Valid example values made from the OpenAPI request schemas: an object with its required properties,
 * each from the merchant's own data where its name says what it refers to ({@code memberId}, {@code templateId}),
 * from the pattern it must match, or from its type and bounds. A pattern or reference it does not
 * know fails the sweep, naming it, so a new kind of input gets an example here rather than slipping by.
 */
final class ExampleBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** An example for each string pattern the API declares (Bean Validation patterns: the whole value must match). */
    private static final Map<String, Supplier<String>> PATTERNS = Map.ofEntries(
            Map.entry("\\S", () -> "Sweep " + next()),
            Map.entry("", () -> "https://example.invalid/sweep.png"),
            Map.entry("\\+?[0-9]{6,20}", ExampleBodies::phone),
            Map.entry("\\+?[0-9]{6,20}|[^@\\s]+@[^@\\s]+", ExampleBodies::phone),
            Map.entry("[a-z0-9_.-]{1,40}", () -> "shop"),
            Map.entry("admin|operator", () -> "operator"),
            Map.entry("[A-Za-z0-9][A-Za-z0-9._-]{0,63}", () -> "front-door"),
            Map.entry("[A-Z][A-Z0-9_]{1,39}", () -> "SWEEP_" + next()),
            Map.entry("[a-z][a-z0-9_]{0,39}", () -> "sweep_" + next()),
            Map.entry("[a-z0-9][a-z0-9-]{0,28}[a-z0-9]", () -> "wechat"),
            Map.entry("[0-9]{6}", () -> "123456"),
            Map.entry("([01]\\d|2[0-3]):[0-5]\\d", () -> "22:00"),
            Map.entry("[0-9A-Za-z.+-]{1,50}", () -> "1.0.0"),
            Map.entry("[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])", () -> "sweep-" + ProcessHandle.current().pid() + "-" + next()),
            Map.entry("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]:[A-Z][A-Z0-9_]{1,39}", () -> "sweep-plugin:SWEEP"),
            Map.entry("[A-Z][A-Z0-9_]{0,19}", () -> "ARM_" + next()),
            Map.entry("[A-Z][A-Za-z0-9]{1,59}", () -> "OrderRecorded"),
            Map.entry("P(?!$)(\\d{1,3}D)?(T(?=\\d)(\\d{1,4}H)?(\\d{1,6}M)?)?", () -> "P3D"));

    /**
     * Whole bodies for the few operations whose valid input the schema cannot say: a field that must
     * repeat the path's key, or a choice of which optional fields belong together.
     */
    private static final Map<String, String> EXPLICIT = Map.of(
            "PUT /api/v1/member-fields/{key}", "{\"key\": \"vip_note\", \"label\": \"VIP note\", \"type\": \"TEXT\"}",
            "POST /api/v1/campaigns", "{\"name\": \"Sweep campaign\", \"trigger\": \"WELCOME\", \"points\": 1}",
            "PUT /api/v1/campaigns/{id}/experiment", "{\"arms\": [{\"name\": \"A\", \"weight\": 50}, {\"name\": \"B\", \"weight\": 50}]}",
            "POST /api/v1/journeys", "{\"name\": \"Sweep journey\", \"entry\": {\"trigger\": \"REGISTERED\"}, "
                    + "\"steps\": [{\"name\": \"Hello\", \"points\": 1}]}",
            "PUT /api/v1/journeys/{id}", "{\"name\": \"Sweep journey\", \"entry\": {\"trigger\": \"REGISTERED\"}, "
                    + "\"steps\": [{\"name\": \"Hello\", \"points\": 1}]}");

    private final ApiOperations api;
    private final Map<String, Supplier<JsonNode>> byName = new HashMap<>();

    ExampleBodies(ApiOperations api) {
        this.api = api;
        byName("email", () -> "sweep-" + next() + "@example.invalid");
        byName("ownerEmail", () -> "sweep-" + next() + "@example.invalid");
        byName("password", () -> "correct horse battery");
        byName("ownerPassword", () -> "correct horse battery");
        byName("initialPassword", () -> "correct horse battery");
        byName("url", () -> "https://hooks.example.invalid/sweep");
        byName("externalId", () -> "sweep-" + UUID.randomUUID());
        byName("confirm", () -> "ERASE");
        byName("challenge", () -> UUID.randomUUID().toString());
        byName("publicKey", ExampleBodies::publicKey);
    }

    /** The valid example body of an operation: its explicit one, or one made from its schema. */
    JsonNode forOperation(ApiOperations.Operation op) {
        String explicit = EXPLICIT.get(op.toString());
        if (explicit == null) {
            return example(op.bodySchema(), null, op.toString());
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(explicit);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A developer's Ed25519 public key, as the market takes it (base64 of its X.509 encoding). */
    private static String publicKey() {
        try {
            return java.util.Base64.getEncoder().encodeToString(
                    java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills every property called {@code name} with what {@code value} gives (a fresh value each time). */
    ExampleBodies byName(String name, Supplier<?> value) {
        byName.put(name, () -> toNode(value.get()));
        return this;
    }

    private static JsonNode toNode(Object value) {
        return value instanceof JsonNode node ? node : value instanceof Number n ? NODES.numberNode(n.longValue()) : new TextNode(String.valueOf(value));
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static int next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A valid value for {@code schema}, found under the property {@code name} (null at the top). */
    JsonNode example(JsonNode schema, String name, String where) {
        JsonNode s = api.resolve(schema);
        // An array's items go by the array's name ("tags": tag ids).
        if (name != null && byName.containsKey(name) && !s.path("type").asText().equals("array")) {
            return byName.get(name).get();
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText("object");
        switch (type) {
            case "string" -> {
                return new TextNode(string(s, name, where));
            }
            case "integer", "number" -> {
                long value = Math.max(1, s.has("minimum") ? s.get("minimum").asLong() : 1);
                if (s.has("maximum")) {
                    value = Math.min(value, s.get("maximum").asLong());
                }
                return NODES.numberNode(value);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (s.path("minItems").asInt(0) > 0) {
                    array.add(example(s.get("items"), name, where + "[0]"));
                }
                return array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                s.path("required").forEach(required -> {
                    String property = required.asText();
                    JsonNode propertySchema = s.path("properties").get(property);
                    if (propertySchema == null) {
                        throw new AssertionError(where + ": required property " + property + " has no schema");
                    }
                    object.set(property, example(propertySchema, property, where + "." + property));
                });
                if (s.path("minProperties").asInt(0) > 0) {
                    object.set("sweep", example(s.path("additionalProperties").isObject() ? s.get("additionalProperties")
                            : NODES.objectNode().put("type", "string"), null, where + ".sweep"));
                }
                return object;
            }
        }
    }

    private String string(JsonNode s, String name, String where) {
        String format = s.path("format").asText("");
        switch (format) {
            case "uuid" -> throw new AssertionError(where + ": no example for the id " + name
                    + "; name what it refers to in the sweep's fixtures (ExampleBodies.byName)");
            case "date" -> {
                return "1990-05-17";
            }
            case "date-time" -> {
                return Instant.now().minusSeconds(60).toString();
            }
            default -> {
            }
        }
        String text;
        if (s.has("pattern")) {
            Supplier<String> example = PATTERNS.get(s.get("pattern").asText());
            if (example == null) {
                throw new AssertionError(where + ": no example for the pattern " + s.get("pattern").asText()
                        + "; add one to ExampleBodies.PATTERNS");
            }
            text = example.get();
        } else {
            text = "sweep text " + next();
        }
        int min = s.path("minLength").asInt(0);
        return text.length() >= min ? text : text + "x".repeat(min - text.length());
    }
}

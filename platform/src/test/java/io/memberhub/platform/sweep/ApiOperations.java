package io.memberhub.platform.sweep;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation the running application documents at {@code /q/openapi}: what the sweeps walk, so
 * an endpoint added tomorrow is swept without anyone listing it.
 */
final class ApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A path, query or header parameter. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code roles} are the roles its security requirement names (empty: any signed-in
     * caller); {@code open} means it declares no security requirement at all.
     */
    record Operation(String method, String path, List<Parameter> parameters, String bodyType, JsonNode bodySchema,
                     List<String> roles, boolean open) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean hasJsonBody() {
            return bodySchema != null && bodyType.equals("application/json");
        }

        boolean declaresHeader(String name) {
            return in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase(name));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations;

    private ApiOperations(JsonNode document) {
        this.document = document;
        this.operations = read(document);
    }

    static ApiOperations fromRunningApp() {
        try {
            return new ApiOperations(JSON.readTree(given().accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    List<Operation> all() {
        return operations;
    }

    /**
     * A schema with its references replaced by what they name and {@code allOf} folded into one
     * object, so generators see plain objects, arrays and scalars.
     */
    JsonNode resolve(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        JsonNode node = schema;
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            node = document.at(ref.substring(1));
            if (node.isMissingNode()) {
                throw new AssertionError("The OpenAPI document refers to " + ref + ", which it does not define");
            }
        }
        if (node.has("allOf")) {
            ObjectNode merged = JSON.createObjectNode().put("type", "object");
            ObjectNode properties = merged.putObject("properties");
            var required = merged.putArray("required");
            List<JsonNode> parts = new ArrayList<>();
            node.get("allOf").forEach(parts::add);
            parts.add(node);
            for (JsonNode part : parts) {
                JsonNode resolved = part == node ? node : resolve(part);
                resolved.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
                resolved.path("required").forEach(required::add);
            }
            return merged;
        }
        return node;
    }

    private static List<Operation> read(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (entry.getKey().equals("parameters")) {
                    throw new AssertionError("Path-level parameters on " + path.getKey() + ": the reader takes them per operation");
                }
                JsonNode op = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                op.path("parameters").forEach(p -> parameters.add(
                        new Parameter(p.get("name").asText(), p.get("in").asText(), p.path("required").asBoolean(), p.get("schema"))));
                String bodyType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").properties().iterator();
                if (content.hasNext()) {
                    var first = content.next();
                    bodyType = first.getKey();
                    bodySchema = first.getValue().get("schema");
                }
                Optional<JsonNode> security = Optional.ofNullable(op.get("security"));
                List<String> roles = new ArrayList<>();
                security.ifPresent(s -> s.forEach(requirement -> requirement.properties()
                        .forEach(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())))));
                operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(), List.copyOf(parameters), bodyType, bodySchema,
                        List.copyOf(roles), security.isEmpty()));
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return List.copyOf(operations);
    }
}

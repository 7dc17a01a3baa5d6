package io.memberhub.platform.tenancy;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the organizations (tenant slugs) a verified token says its subject belongs to. Keycloak
 * writes the claim as a list of aliases, or as an object keyed by alias when organization details
 * are mapped in; both are accepted.
 */
final class OrganizationClaim {

    static final String NAME = "organization";

    private OrganizationClaim() {
    }

    static List<String> aliases(JsonWebToken token) {
        Object claim = CustomClaim.of(token, NAME);
        List<String> aliases = new ArrayList<>();
        switch (claim) {
            case null -> {
            }
            case JsonArray array -> array.forEach(v -> addString(aliases, v));
            case JsonObject object -> aliases.addAll(object.keySet());
            case JsonString string -> aliases.add(string.getString());
            case Map<?, ?> map -> map.keySet().forEach(k -> aliases.add(String.valueOf(k)));
            case Collection<?> list -> list.forEach(v -> aliases.add(String.valueOf(v)));
            case String string -> aliases.add(string);
            default -> {
            }
        }
        return aliases;
    }

    private static void addString(List<String> aliases, JsonValue value) {
        if (value instanceof JsonString s) {
            aliases.add(s.getString());
        }
    }
}

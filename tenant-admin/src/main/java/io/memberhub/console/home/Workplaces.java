package io.memberhub.console.home;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The merchants (Keycloak organization aliases) an access token says its holder belongs to.
 * Keycloak writes the claim as a list of aliases, or as an object keyed by alias when organization
 * details are mapped in.
 */
final class Workplaces {

    private Workplaces() {
    }

    static List<String> of(JsonWebToken token) {
        Object claim = token.getClaim("organization");
        List<String> slugs = new ArrayList<>();
        switch (claim) {
            case null -> {
            }
            case JsonArray array -> array.forEach(v -> {
                if (v instanceof JsonString s) {
                    slugs.add(s.getString());
                }
            });
            case JsonObject object -> slugs.addAll(object.keySet());
            case Map<?, ?> map -> map.keySet().forEach(k -> slugs.add(String.valueOf(k)));
            case Collection<?> list -> list.forEach(v -> slugs.add(String.valueOf(v)));
            case JsonString string -> slugs.add(string.getString());
            default -> slugs.add(String.valueOf(claim));
        }
        return slugs.stream().sorted().toList();
    }
}

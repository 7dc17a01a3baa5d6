package io.memberhub.console.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The audit screen's filters as the person typed them (days as {@code yyyy-MM-dd} in the merchant's
 * time zone), plus a target named by a link (a member's entries), and where the page starts.
 */
public record AuditFilter(String actor, String action, String q, String from, String to, String targetType, String targetId, String cursor) {

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        q = blankToNull(q);
        from = blankToNull(from);
        to = blankToNull(to);
        targetType = blankToNull(targetType);
        targetId = blankToNull(targetId);
        cursor = blankToNull(cursor);
    }

    /** The filters as typed, for the form to show them again. */
    Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        put(typed, "actor", actor);
        put(typed, "action", action);
        put(typed, "q", q);
        put(typed, "from", from);
        put(typed, "to", to);
        return typed;
    }

    /** The filters as a query string, without the cursor: the newest page of this search, or the base of the older link. */
    public String query() {
        Map<String, String> all = typed();
        put(all, "targetType", targetType);
        put(all, "targetId", targetId);
        StringJoiner query = new StringJoiner("&");
        all.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static void put(Map<String, String> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

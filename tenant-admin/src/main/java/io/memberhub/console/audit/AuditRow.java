package io.memberhub.console.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/** One entry as the audit screen shows it: its moment in the merchant's time zone and its details in a line. */
public record AuditRow(AuditApi.Entry entry, String when, String details, String agent) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int AGENT_SHOWN = 60;

    static AuditRow of(AuditApi.Entry entry, ZoneId zone) {
        String agent = entry.userAgent();
        if (agent != null && agent.length() > AGENT_SHOWN) {
            agent = agent.substring(0, AGENT_SHOWN) + "…";
        }
        return new AuditRow(entry, WHEN.format(entry.occurredAt().atZone(zone)), details(entry.details()), agent);
    }

    public boolean memberTarget() {
        return entry.target() != null && "member".equals(entry.target().type()) && entry.target().id() != null;
    }

    /** {@code changed: name, email · points: 10}: names and small values only, as the platform keeps them. */
    private static String details(Map<String, Object> details) {
        StringJoiner line = new StringJoiner(" · ");
        details.forEach((name, value) -> line.add(name + ": " + (value instanceof Collection<?> list
                ? String.join(", ", list.stream().map(String::valueOf).toList()) : value)));
        return line.toString();
    }
}

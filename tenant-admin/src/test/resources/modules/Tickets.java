import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.console.spi.ConsoleContribution;
import io.memberhub.plugin.api.console.spi.ConsoleField;
import io.memberhub.plugin.api.console.spi.ConsolePage;
import io.memberhub.plugin.api.console.spi.ConsoleWidget;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A module with a console page (a stat, a table, a form and a text) and the staff routes it reads and posts to. */
public class Tickets implements ConsoleContribution, RouteHandler {

    private static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern PRIORITY = Pattern.compile("\"priority\"\\s*:\\s*(\\d+)");

    public List<ConsolePage> pages(PluginContext context) {
        return List.of(new ConsolePage("/tickets", "Tickets", List.of(
                new ConsoleWidget(ConsoleWidget.Kind.STAT, "Today", "/summary", List.of(
                        new ConsoleField("open", "Open tickets", "NUMBER", true),
                        new ConsoleField("refunds", "Refunded", "MONEY", true))),
                new ConsoleWidget(ConsoleWidget.Kind.TABLE, "Open tickets", "/tickets?state=open", List.of(
                        new ConsoleField("subject", "Subject", "TEXT", true),
                        new ConsoleField("priority", "Priority", "NUMBER", false))),
                new ConsoleWidget(ConsoleWidget.Kind.FORM, "New ticket", "/tickets", List.of(
                        new ConsoleField("subject", "Subject", "TEXT", true),
                        new ConsoleField("priority", "Priority", "NUMBER", false))),
                new ConsoleWidget(ConsoleWidget.Kind.TEXT, "Tickets are kept for each merchant on its own.", null, List.of()))));
    }

    public RouteResponse handle(RouteRequest request, PluginContext context) {
        String stored = context.storage().get("tickets").orElse("");
        String[] tickets = stored.isEmpty() ? new String[0] : stored.split("\n");
        if (request.method().equals("GET") && request.path().equals("/summary")) {
            return RouteResponse.json(200, "{\"open\": " + tickets.length + ", \"refunds\": 12345}");
        }
        if (request.method().equals("GET") && request.path().equals("/tickets")) {
            if (!"open".equals(request.queryParam("state"))) {
                return RouteResponse.json(400, "[]");
            }
            StringBuilder json = new StringBuilder("[");
            for (String ticket : tickets) {
                String[] parts = ticket.split("\t");
                json.append(json.length() > 1 ? "," : "").append("{\"subject\": \"").append(parts[0]).append("\", \"priority\": ").append(parts[1]).append("}");
            }
            return RouteResponse.json(200, json.append("]").toString());
        }
        if (request.method().equals("POST") && request.path().equals("/tickets")) {
            Matcher subject = SUBJECT.matcher(request.body() == null ? "" : request.body());
            if (!subject.find() || subject.group(1).isBlank()) {
                return new RouteResponse(422, "application/problem+json", "{\"status\": 422, \"code\": \"TICKET_INVALID\", \"title\": \"Invalid ticket\","
                        + " \"detail\": \"A ticket needs a subject\", \"errors\": [{\"field\": \"subject\", \"message\": \"Say what the ticket is about\"}]}",
                        Map.of());
            }
            Matcher priority = PRIORITY.matcher(request.body());
            String ticket = subject.group(1) + "\t" + (priority.find() ? priority.group(1) : "0");
            context.storage().put("tickets", stored.isEmpty() ? ticket : stored + "\n" + ticket);
            return RouteResponse.json(201, "{\"subject\": \"" + subject.group(1) + "\"}");
        }
        return RouteResponse.notFound();
    }
}

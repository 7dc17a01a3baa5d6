package io.memberhub.console.modules;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Module pages as the platform describes them: data, drawn by the console's own components. */
public final class ModulePages {

    private ModulePages() {
    }

    /** One module's pages. */
    public record Contribution(String pluginId, List<Page> pages) {

        public Contribution {
            pages = pages == null ? List.of() : pages;
        }
    }

    /** A page: {@code path} like {@code /courses}, shown at {@code /console/modules/{pluginId}/courses}. */
    public record Page(String path, String title, List<Widget> widgets) {

        public Page {
            widgets = widgets == null ? List.of() : widgets;
        }
    }

    /** A block of a page: kind {@code TABLE}, {@code FORM}, {@code STAT} or {@code TEXT}; {@code source} the module's route. */
    public record Widget(String kind, String title, String source, List<Field> fields) {

        public Widget {
            fields = fields == null ? List.of() : fields;
        }
    }

    /** A column, input or figure: type {@code TEXT}, {@code NUMBER}, {@code MONEY} (fen), {@code DATE}, {@code BOOLEAN} or {@code MEMBER}. */
    public record Field(String key, String label, String type, boolean required) {

        public String shownLabel() {
            return label == null || label.isBlank() ? key : label;
        }
    }

    /** A menu entry: a page and the module it belongs to. */
    public record Entry(String pluginId, String path, String title) {

        public String href() {
            return "/console/modules/" + pluginId + path;
        }
    }

    static List<Entry> entries(List<Contribution> contributions) {
        return contributions.stream().flatMap(c -> c.pages().stream().map(p -> new Entry(c.pluginId(), p.path(), p.title()))).toList();
    }

    /** A widget's source split for the platform's route call: the path, each segment encoded, and the query. */
    record Route(String path, Map<String, String> query) {

        static Route of(String source) {
            String s = source == null ? "/" : source.strip();
            int q = s.indexOf('?');
            String path = q < 0 ? s : s.substring(0, q);
            Map<String, String> query = new LinkedHashMap<>();
            if (q >= 0) {
                for (String pair : s.substring(q + 1).split("&")) {
                    if (!pair.isEmpty()) {
                        int eq = pair.indexOf('=');
                        query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                    }
                }
            }
            String encoded = Arrays.stream(path.split("/")).filter(seg -> !seg.isEmpty())
                    .map(seg -> URLEncoder.encode(decode(seg), StandardCharsets.UTF_8).replace("+", "%20")).collect(Collectors.joining("/"));
            return new Route(encoded, query);
        }

        private static String decode(String part) {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        }
    }
}

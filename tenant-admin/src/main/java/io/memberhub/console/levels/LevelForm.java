package io.memberhub.console.levels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberhub.console.platform.LevelViews;
import io.memberhub.console.platform.PlatformProblem;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The level editor's form: what was typed, kept as typed so a refused form comes back as the person
 * left it, and the level JSON the platform takes. A rule of thresholds joined by one AND or OR is
 * edited as rows; a deeper rule (nested groups) is edited as JSON, so an edit never flattens it.
 */
public record LevelForm(UUID id, String name, String rank, String pointsPercent, String combine, List<Row> rows,
                        String ruleJson, String keep, String graceDays, String reviewEveryMonths,
                        String discountPercent, String freeShippingOver, String birthdayCoupon, String pointsValidityPercent,
                        boolean freeReturns, boolean priorityService, Map<String, String> errors, String refusal) {

    static final int ROWS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Metrics counted in money: typed in yuan, sent in fen. */
    private static final Set<String> MONEY = Set.of("SPEND", "TOP_UP_AMOUNT");

    /** One threshold: metric (a built-in name or {@code plugin:<id>:<METRIC>}), at least, over a window. */
    public record Row(String metric, String atLeast, String windowAmount, String windowUnit) {

        static Row empty() {
            return new Row("SPEND", "", "12", "months");
        }

        boolean isBlank() {
            return atLeast == null || atLeast.isBlank();
        }

        /** Counted in money, so typed and shown in yuan. */
        public boolean money() {
            return MONEY.contains(metric);
        }
    }

    static LevelForm empty(int nextRank) {
        return new LevelForm(null, "", String.valueOf(nextRank), "100", "all", emptyRows(), null, "none", "30", "",
                "", "", "", "", false, false, Map.of(), null);
    }

    /** The form for an existing level. */
    static LevelForm of(LevelViews.Level level) {
        JsonNode rule = level.upgradeRule();
        List<Row> rows = emptyRows();
        String combine = "all";
        String ruleJson = null;
        if (rule != null && !rule.isNull()) {
            List<JsonNode> thresholds = flatThresholds(rule);
            if (thresholds == null || thresholds.size() > ROWS) {
                ruleJson = rule.toPrettyString();
            } else {
                combine = rule.has("any") ? "any" : "all";
                for (int i = 0; i < thresholds.size(); i++) {
                    rows.set(i, rowOf(thresholds.get(i)));
                }
            }
        }
        String keep = "none";
        String grace = "30";
        String every = "";
        JsonNode retention = level.retention();
        if (retention != null && !retention.isNull()) {
            keep = retention.get("rule").equals(rule) ? "upgrade" : "custom";
            grace = retention.path("graceDays").asText("30");
            every = retention.hasNonNull("reviewEveryMonths") ? retention.get("reviewEveryMonths").asText() : "";
        }
        Map<String, Long> benefits = new LinkedHashMap<>();
        for (LevelViews.Benefit b : level.benefits()) {
            benefits.put(b.type(), b.value() == null ? 0L : b.value());
        }
        return new LevelForm(level.id(), level.name(), String.valueOf(level.rank()), String.valueOf(level.pointsPercent()),
                combine, rows, ruleJson, keep, grace, every,
                text(benefits.get("DISCOUNT_PERCENT")), money(benefits.get("FREE_SHIPPING_OVER")), money(benefits.get("BIRTHDAY_COUPON")),
                text(benefits.get("POINTS_VALIDITY_PERCENT")), benefits.containsKey("FREE_RETURNS"), benefits.containsKey("PRIORITY_SERVICE"),
                Map.of(), null);
    }

    /** What the person submitted. */
    static LevelForm from(UUID id, MultivaluedMap<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Row(value(form, "metric_" + i), value(form, "atLeast_" + i), value(form, "windowAmount_" + i),
                    value(form, "windowUnit_" + i)));
        }
        return new LevelForm(id, value(form, "name"), value(form, "rank"), value(form, "pointsPercent"),
                "any".equals(form.getFirst("combine")) ? "any" : "all", rows, form.containsKey("ruleJson") ? value(form, "ruleJson") : null,
                value(form, "keep"), value(form, "graceDays"), value(form, "reviewEveryMonths"),
                value(form, "discountPercent"), value(form, "freeShippingOver"), value(form, "birthdayCoupon"),
                value(form, "pointsValidityPercent"), form.containsKey("freeReturns"), form.containsKey("priorityService"), Map.of(), null);
    }

    /**
     * The level as the platform's JSON, carrying over what this form does not edit (gift pack, prices)
     * from {@code current}; null with {@link #errors()} filled when something typed is not a value at all.
     */
    Result toRequest(LevelViews.Level current) {
        Map<String, String> problems = new LinkedHashMap<>();
        ObjectNode level = JSON.createObjectNode();
        level.put("name", name);
        putWhole(level, "rank", rank, "rank", problems);
        putWhole(level, "pointsPercent", pointsPercent, "pointsPercent", problems);
        JsonNode rule = rule(problems);
        if (rule != null) {
            level.set("upgradeRule", rule);
        }
        if (!"none".equals(keep)) {
            if (rule == null) {
                problems.putIfAbsent("keep", "needs an upgrade rule to keep");
            } else if ("upgrade".equals(keep) || current == null || current.retention() == null || current.retention().isNull()) {
                ObjectNode retention = level.putObject("retention");
                retention.set("rule", rule);
                putWhole(retention, "graceDays", graceDays, "graceDays", problems);
                putWhole(retention, "reviewEveryMonths", reviewEveryMonths, "reviewEveryMonths", problems);
            } else {
                ObjectNode retention = current.retention().deepCopy();
                putWhole(retention, "graceDays", graceDays, "graceDays", problems);
                retention.remove("reviewEveryMonths");
                putWhole(retention, "reviewEveryMonths", reviewEveryMonths, "reviewEveryMonths", problems);
                level.set("retention", retention);
            }
        }
        ArrayNode benefits = level.putArray("benefits");
        benefit(benefits, "DISCOUNT_PERCENT", discountPercent, false, "discountPercent", problems);
        benefit(benefits, "FREE_SHIPPING_OVER", freeShippingOver, true, "freeShippingOver", problems);
        benefit(benefits, "BIRTHDAY_COUPON", birthdayCoupon, true, "birthdayCoupon", problems);
        benefit(benefits, "POINTS_VALIDITY_PERCENT", pointsValidityPercent, false, "pointsValidityPercent", problems);
        if (freeReturns) {
            benefits.addObject().put("type", "FREE_RETURNS");
        }
        if (priorityService) {
            benefits.addObject().put("type", "PRIORITY_SERVICE");
        }
        if (current != null) {
            if (current.giftPack() != null && !current.giftPack().isNull()) {
                level.set("giftPack", current.giftPack());
            }
            if (!current.prices().isEmpty()) {
                level.set("prices", JSON.valueToTree(current.prices()));
            }
        }
        return problems.isEmpty() ? new Result(level, this) : new Result(null, withErrors(problems, null));
    }

    record Result(ObjectNode request, LevelForm form) {
    }

    /** The same form with the platform's refusal shown: its message, and each field error next to its field. */
    LevelForm refusedBy(PlatformProblem problem) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (PlatformProblem.FieldError e : problem.errors()) {
            byField.putIfAbsent(formFieldOf(e.field()), e.field() + ": " + e.message());
        }
        return withErrors(byField, problem.detail() == null ? problem.title() : problem.detail());
    }

    public String errorFor(String field) {
        return errors.get(field);
    }

    /** What is wrong with rule row {@code index}, if anything. */
    public String rowError(int index) {
        return errors.get("atLeast_" + index);
    }

    /** The rows holding a threshold, for describing the rule. */
    public List<Row> rowsInUse() {
        return rows.stream().filter(r -> !r.isBlank()).toList();
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean advancedRule() {
        return ruleJson != null;
    }

    private LevelForm withErrors(Map<String, String> problems, String message) {
        return new LevelForm(id, name, rank, pointsPercent, combine, rows, ruleJson, keep, graceDays, reviewEveryMonths, discountPercent,
                freeShippingOver, birthdayCoupon, pointsValidityPercent, freeReturns, priorityService, Map.copyOf(problems), message);
    }

    private JsonNode rule(Map<String, String> problems) {
        if (ruleJson != null) {
            if (ruleJson.isBlank()) {
                return null;
            }
            try {
                return JSON.readTree(ruleJson);
            } catch (JsonProcessingException e) {
                problems.put("rule", "not JSON: " + e.getOriginalMessage());
                return null;
            }
        }
        ArrayNode thresholds = JSON.createArrayNode();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            ObjectNode t = thresholds.addObject();
            String metric = row.metric() == null ? "" : row.metric();
            if (metric.startsWith("plugin:")) {
                String[] parts = metric.split(":", 3);
                t.put("plugin", parts.length == 3 ? parts[1] : "");
                t.put("pluginMetric", parts.length == 3 ? parts[2] : "");
            } else {
                t.put("metric", metric);
            }
            Long atLeast = MONEY.contains(metric) ? Yuan.toFen(row.atLeast()) : whole(row.atLeast());
            if (atLeast == null) {
                problems.put("atLeast_" + i, MONEY.contains(metric) ? "an amount in yuan, e.g. 1000 or 9.90" : "a whole number");
            } else {
                t.put("atLeast", atLeast);
            }
            if (!"ever".equals(row.windowUnit())) {
                Long amount = whole(row.windowAmount());
                if (amount == null) {
                    problems.put("atLeast_" + i, "a window of whole " + row.windowUnit());
                } else {
                    t.putObject("window").put("days".equals(row.windowUnit()) ? "days" : "months", amount);
                }
            }
        }
        if (thresholds.isEmpty()) {
            return null;
        }
        if (thresholds.size() == 1) {
            return thresholds.get(0);
        }
        ObjectNode group = JSON.createObjectNode();
        group.set(combine, thresholds);
        return group;
    }

    private static List<JsonNode> flatThresholds(JsonNode rule) {
        if (rule.has("metric") || rule.has("pluginMetric")) {
            return List.of(rule);
        }
        JsonNode items = rule.has("all") ? rule.get("all") : rule.get("any");
        if (items == null) {
            return null;
        }
        List<JsonNode> thresholds = new ArrayList<>();
        for (JsonNode item : items) {
            if (!(item.has("metric") || item.has("pluginMetric"))) {
                return null;
            }
            thresholds.add(item);
        }
        return thresholds;
    }

    private static Row rowOf(JsonNode t) {
        String metric = t.has("pluginMetric") ? "plugin:" + t.path("plugin").asText() + ":" + t.get("pluginMetric").asText() : t.path("metric").asText();
        long atLeast = t.path("atLeast").asLong();
        JsonNode window = t.get("window");
        String amount = "";
        String unit = "ever";
        if (window != null && window.hasNonNull("months")) {
            amount = window.get("months").asText();
            unit = "months";
        } else if (window != null && window.hasNonNull("days")) {
            amount = window.get("days").asText();
            unit = "days";
        }
        return new Row(metric, MONEY.contains(metric) ? Yuan.fromFen(atLeast) : String.valueOf(atLeast), amount, unit);
    }

    private static String formFieldOf(String platformField) {
        if (platformField == null) {
            return "";
        }
        if (platformField.startsWith("upgradeRule")) {
            return "rule";
        }
        if (platformField.startsWith("retention")) {
            return "keep";
        }
        if (platformField.startsWith("benefits")) {
            return "benefits";
        }
        return platformField;
    }

    private static void benefit(ArrayNode benefits, String type, String typed, boolean money, String field, Map<String, String> problems) {
        if (typed == null || typed.isBlank()) {
            return;
        }
        Long value = money ? Yuan.toFen(typed) : whole(typed);
        if (value == null) {
            problems.put(field, money ? "an amount in yuan, e.g. 99 or 9.90" : "a whole number");
            return;
        }
        benefits.addObject().put("type", type).put("value", value);
    }

    private static void putWhole(ObjectNode node, String key, String typed, String field, Map<String, String> problems) {
        if (typed == null || typed.isBlank()) {
            return;
        }
        Long value = whole(typed);
        if (value == null) {
            problems.put(field, "a whole number");
        } else {
            node.put(key, value);
        }
    }

    private static Long whole(String typed) {
        return typed != null && typed.strip().matches("\\d{1,12}") ? Long.valueOf(typed.strip()) : null;
    }

    private static List<Row> emptyRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Row.empty());
        }
        return rows;
    }

    private static String value(MultivaluedMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v.strip();
    }

    private static String text(Long value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String money(Long fen) {
        return fen == null ? "" : Yuan.fromFen(fen);
    }
}

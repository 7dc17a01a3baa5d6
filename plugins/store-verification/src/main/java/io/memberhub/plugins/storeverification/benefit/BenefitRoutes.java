package io.memberhub.plugins.storeverification.benefit;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.level.LevelInfo;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.kit.Json;
import io.memberhub.plugins.kit.JsonFields;
import io.memberhub.plugins.kit.Levels;
import io.memberhub.plugins.kit.ManagedCollection;
import io.memberhub.plugins.kit.Routes;
import io.memberhub.plugins.storeverification.Ids;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code /api/v1/ext/store-verification/benefits}: the counter benefits, for staff and scanners;
 * {@code PUT /benefits/{name}} {@code {"title", "levels": [...], "period": "DAY"}} creates or replaces one
 * (owners and admins; period DAY when left out), {@code DELETE /benefits/{name}} removes it. Kept in
 * {@code store_verification_benefit}.
 */
@Extension
public class BenefitRoutes extends ManagedCollection {

    private static final String TABLE = "store_verification_benefit";

    public BenefitRoutes() {
        super("/benefits", "benefits", "BENEFIT_NOT_FOUND");
    }

    public static List<CounterBenefit> all(PluginContext context) {
        return context.tables().select(TABLE, Map.of()).stream().map(BenefitRoutes::benefit)
                .sorted(Comparator.comparing(CounterBenefit::name)).toList();
    }

    public static Optional<CounterBenefit> find(PluginContext context, String name) {
        return context.tables().select(TABLE, Map.of("name", name)).stream().findFirst().map(BenefitRoutes::benefit);
    }

    @Override
    protected List<Map<String, Object>> list(PluginContext context) {
        return all(context).stream().map(CounterBenefit::toJson).toList();
    }

    @Override
    protected RouteResponse save(String name, String body, PluginContext context) {
        JsonFields fields = new JsonFields(body, "benefit", Set.of("title", "levels", "period"));
        if (!Ids.valid(name)) {
            fields.error("name", Ids.RULE);
        }
        String title = fields.text("title", true);
        if (title != null && title.length() > 100) {
            fields.error("title", "must have at most 100 characters");
        }
        List<String> ladder = context.levels().levels().stream().map(LevelInfo::name).toList();
        List<String> levels = Levels.read(fields, "levels", ladder);
        Period period = fields.parsed("period", false, Period::valueOf, "must be one of " + Arrays.toString(Period.values()));
        fields.check();
        CounterBenefit benefit = new CounterBenefit(name, title, levels, period == null ? Period.DAY : period);
        Map<String, Object> values = Map.of("title", benefit.title(), "levels", Json.write(benefit.levels()), "period", benefit.period().name());
        if (context.tables().update(TABLE, Map.of("name", name), values) == 0) {
            context.tables().insertIfAbsent(TABLE, Map.of("name", name, "title", benefit.title(), "levels", Json.write(benefit.levels()),
                    "period", benefit.period().name()));
        }
        return Routes.json(200, benefit.toJson());
    }

    @Override
    protected boolean delete(String name, PluginContext context) {
        return context.tables().delete(TABLE, Map.of("name", name)) > 0;
    }

    private static CounterBenefit benefit(Map<String, Object> row) {
        List<String> levels = ((List<?>) Json.parse((String) row.get("levels"))).stream().map(String.class::cast).toList();
        return new CounterBenefit((String) row.get("name"), (String) row.get("title"), levels, Period.valueOf((String) row.get("period")));
    }
}

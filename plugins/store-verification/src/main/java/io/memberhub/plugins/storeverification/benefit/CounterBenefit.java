package io.memberhub.plugins.storeverification.benefit;

import io.memberhub.plugins.kit.Levels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something staff hand over at the counter (a free coffee, a car wash), to members of {@code levels}
 * (none: every member), once per {@code period}.
 */
public record CounterBenefit(String name, String title, List<String> levels, Period period) {

    public CounterBenefit {
        levels = List.copyOf(levels);
    }

    public boolean admits(String level) {
        return Levels.admit(levels, level);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("title", title);
        json.put("levels", levels);
        json.put("period", period.name());
        return json;
    }
}

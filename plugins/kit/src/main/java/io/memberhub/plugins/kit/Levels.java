package io.memberhub.plugins.kit;

import java.util.List;

/**
 * Some of the merchant's levels, by name, as a plugin's settings choose them (who may enter a zone, who
 * gets a counter benefit); none chosen means every member.
 */
public final class Levels {

    private Levels() {
    }

    /** Whether a member at {@code level} (null: at none) is among {@code chosen}. */
    public static boolean admit(List<String> chosen, String level) {
        return chosen.isEmpty() || (level != null && chosen.contains(level));
    }

    /** The level names of an array field, each one of the merchant's ({@code ladder}) and none twice; mistakes go to {@code fields}. */
    public static List<String> read(JsonFields fields, String field, List<String> ladder) {
        List<String> levels = fields.texts(field, List.of());
        levels.stream().filter(level -> !ladder.contains(level)).distinct()
                .forEach(level -> fields.error(field, "'" + level + "' is not one of the merchant's levels " + ladder));
        if (levels.stream().distinct().count() != levels.size()) {
            fields.error(field, "names a level twice");
        }
        return levels;
    }
}

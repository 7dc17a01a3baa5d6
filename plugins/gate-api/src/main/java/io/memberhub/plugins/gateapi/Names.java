package io.memberhub.plugins.gateapi;

import java.util.regex.Pattern;

/** What the gate API accepts as names and ids in paths and bodies. */
public final class Names {

    /** Zone names as the gym pack and {@code POST /api/v1/access/decisions} take them, e.g. {@code pt-area}. */
    public static final Pattern ZONE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Gate, card and event ids as devices make them: letters, digits, {@code . _ : -}. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Names() {
    }

    public static boolean zone(String name) {
        return name != null && ZONE.matcher(name).matches();
    }

    public static boolean id(String id) {
        return id != null && ID.matcher(id).matches();
    }
}

package io.memberhub.plugins.storeverification;

import java.util.regex.Pattern;

/** Store ids, benefit names and event ids as staff and scanners make them: letters, digits, {@code . _ : -}. */
public final class Ids {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    public static final String RULE = "must be 1-64 of letters, digits, . _ : - starting with a letter or digit";

    private Ids() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Who did it, as the coupon's redemption names them to the platform: a staff person or a device. */
    public static String actor(String staffId, java.util.UUID deviceId) {
        return staffId != null ? "staff:" + staffId : "device:" + deviceId;
    }
}

package io.memberhub.platform.staff;

import java.util.Locale;

/** What a merchant's staff account may do inside its tenant. */
public enum StaffRole {
    OWNER, ADMIN, OPERATOR;

    /** Private member fields (e.g. allergies) are shown only to these roles. */
    public boolean seesPrivateFields() {
        return this != OPERATOR;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StaffRole fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

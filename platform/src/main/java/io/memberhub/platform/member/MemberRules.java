package io.memberhub.platform.member;

/** Input rules shared by the JSON API and CSV import. */
public final class MemberRules {

    public static final String PHONE = "\\+?[0-9]{6,20}";
    public static final String PHONE_MESSAGE = "must be 6-20 digits, optionally starting with +";
    static final String SOURCE = "[a-z0-9_.-]{1,40}";
    static final String SOURCE_MESSAGE = "must be 1-40 lowercase letters, digits, '.', '_' or '-'";

    private MemberRules() {
    }

    /** Phones arrive as people type them; spaces, dashes and brackets are not part of the number. */
    static String normalizePhone(String phone) {
        return phone == null ? null : phone.replaceAll("[\\s()\\-]", "");
    }
}

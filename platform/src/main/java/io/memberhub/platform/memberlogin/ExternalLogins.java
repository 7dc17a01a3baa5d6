package io.memberhub.platform.memberlogin;

/** What the external sign-in API takes. */
public final class ExternalLogins {

    /** A provider's name as apps give it, e.g. {@code wechat}, {@code qq}. */
    public static final String PROVIDER = "[a-z0-9][a-z0-9-]{0,28}[a-z0-9]";

    private ExternalLogins() {
    }
}

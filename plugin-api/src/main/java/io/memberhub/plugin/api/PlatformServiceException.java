package io.memberhub.plugin.api;

/**
 * A platform service refused or could not do what a plugin asked, with a stable code the plugin
 * can act on (e.g. {@code MEMBER_NOT_FOUND}, {@code INSUFFICIENT_POINTS}, {@code IDEMPOTENCY_KEY_REUSED},
 * {@code HTTP_TIMEOUT}). Nothing was changed. A plugin that lets it escape fails its call, and the
 * platform records the failure with this message.
 */
@InterfaceStability.Evolving
public class PlatformServiceException extends RuntimeException {

    private final String code;

    public PlatformServiceException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The stable code of what went wrong. */
    public String code() {
        return code;
    }
}

package io.memberhub.plugins.qqlogin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.login.spi.LoginAnswer;
import io.memberhub.plugins.kit.OutsideService;
import java.util.Map;
import java.util.Optional;

/**
 * QQ Connect as the sign-in calls it: where it is ({@code apiBaseUrl}, default
 * {@code https://graph.qq.com}) and what its error codes mean for a sign-in. The OAuth endpoints
 * answer errors as {@code {"error": n, "error_description": "..."}}, the OpenAPI ones (the profile)
 * as {@code {"ret": n, "msg": "..."}}.
 */
final class QqConnect {

    static final String DEFAULT_BASE_URL = "https://graph.qq.com";

    private QqConnect() {
    }

    /** GETs {@code path} of the merchant's QQ Connect address with the parameters. */
    static Map<String, Object> get(PluginContext context, String path, Map<String, String> parameters) {
        String base = OutsideService.setting(context, "apiBaseUrl").orElse(DEFAULT_BASE_URL);
        return OutsideService.getJson(context, "QQ Connect", OutsideService.url(base, path, parameters));
    }

    /**
     * The refusal an error answer stands for; empty for an answer without an error.
     *
     * @param codeKey    {@code error} or {@code ret}
     * @param messageKey {@code error_description} or {@code msg}
     */
    static Optional<LoginAnswer> refusal(Map<String, Object> answer, String codeKey, String messageKey) {
        long code = OutsideService.number(answer, codeKey).orElse(0L);
        if (code == 0) {
            return Optional.empty();
        }
        String message = OutsideService.text(answer, messageKey).orElse("");
        String reason = (code + " " + message).strip();
        if (message.contains("freq out of limit")) {
            return Optional.of(LoginAnswer.refused(LoginAnswer.PROVIDER_BUSY, reason));
        }
        String refusal = switch ((int) code) {
            // The code is not one QQ issued to this app, or the token it gave is not valid; 100030: the person did not authorize.
            case 100005, 100018, 100019, 100013, 100015, 100016, 100030 -> LoginAnswer.INVALID_PROOF;
            case 100020, 100014 -> LoginAnswer.EXPIRED_PROOF;
            // Unknown APP ID, wrong APP Key, a callback address QQ does not have for the app, an app not online.
            case 100001, 100002, 100008, 100009, 100010, 100011 -> LoginAnswer.MISCONFIGURED;
            default -> throw new IllegalStateException("QQ Connect answered an error the sign-in does not know: " + reason);
        };
        return Optional.of(LoginAnswer.refused(refusal, reason));
    }

    /** A property QQ documents for a successful answer; missing, the answer is not one QQ documents. */
    static String required(Map<String, Object> answer, String key) {
        return OutsideService.text(answer, key)
                .orElseThrow(() -> new IllegalStateException("QQ Connect answered without '" + key + "' and without an error code"));
    }
}

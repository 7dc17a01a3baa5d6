package io.memberhub.plugins.wechatlogin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.login.spi.LoginAnswer;
import io.memberhub.plugins.kit.Logins;
import io.memberhub.plugins.kit.OutsideService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The WeChat APIs the sign-ins call, with the merchant's app: where they are ({@code apiBaseUrl},
 * default {@code https://api.weixin.qq.com}), the app's credentials, and what WeChat's error codes
 * mean for a sign-in. WeChat answers errors as HTTP 200 with {@code {"errcode": n, "errmsg": "..."}}.
 */
final class WeChatApi {

    static final String SERVICE = "WeChat";
    static final String DEFAULT_BASE_URL = "https://api.weixin.qq.com";

    /** What exchanging the member's code gave: WeChat's answer, or the refusal to give the member's app. */
    record Exchange(Map<String, Object> answer, LoginAnswer refusal) {
    }

    private WeChatApi() {
    }

    /**
     * Exchanges the code of the proof at {@code path} (as parameter {@code codeParameter}) with the
     * merchant's app set up in {@code idKey} and {@code secretKey}. Refused without calling WeChat when
     * the merchant has not set the app up or the proof has no code.
     */
    static Exchange exchange(PluginContext context, Map<String, String> proof, String idKey, String secretKey, String path,
                             String codeParameter) {
        Optional<String> appId = OutsideService.setting(context, idKey);
        Optional<String> secret = OutsideService.setting(context, secretKey);
        if (appId.isEmpty() || secret.isEmpty()) {
            return new Exchange(null, LoginAnswer.refused(LoginAnswer.MISCONFIGURED,
                    "settings " + idKey + " and " + secretKey + " of plugin wechat-login are not set"));
        }
        Optional<String> code = Logins.code(proof);
        if (code.isEmpty()) {
            return new Exchange(null, LoginAnswer.refused(LoginAnswer.INVALID_PROOF,
                    "the proof needs the code WeChat gave the app: {\"code\": \"...\"}"));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("appid", appId.get());
        parameters.put("secret", secret.get());
        parameters.put(codeParameter, code.get());
        parameters.put("grant_type", "authorization_code");
        Map<String, Object> answer = get(context, path, parameters);
        return new Exchange(answer, refusal(answer).orElse(null));
    }

    /** GETs {@code path} of the merchant's WeChat API address with the parameters. */
    static Map<String, Object> get(PluginContext context, String path, Map<String, String> parameters) {
        String base = OutsideService.setting(context, "apiBaseUrl").orElse(DEFAULT_BASE_URL);
        return OutsideService.getJson(context, SERVICE, OutsideService.url(base, path, parameters));
    }

    /** The refusal an error answer stands for; empty for an answer without an error. */
    private static Optional<LoginAnswer> refusal(Map<String, Object> answer) {
        long errcode = OutsideService.number(answer, "errcode").orElse(0L);
        if (errcode == 0) {
            return Optional.empty();
        }
        String reason = errcode + " " + OutsideService.text(answer, "errmsg").orElse("");
        String refusal = switch ((int) errcode) {
            // The code is not one WeChat issued to this app, or WeChat holds it back (a risky account).
            case 40029, 40226, 41008 -> LoginAnswer.INVALID_PROOF;
            case 40163 -> LoginAnswer.EXPIRED_PROOF;
            case 45011 -> LoginAnswer.PROVIDER_BUSY;
            case -1 -> LoginAnswer.PROVIDER_UNAVAILABLE;
            // Unknown AppID, wrong AppSecret, or none sent.
            case 40013, 40125, 41002, 41004 -> LoginAnswer.MISCONFIGURED;
            default -> throw new IllegalStateException("WeChat answered an error the sign-in does not know: " + reason);
        };
        return Optional.of(LoginAnswer.refused(refusal, reason.strip()));
    }

    /** A property WeChat documents for a successful answer; missing, the answer is not one WeChat documents. */
    static String required(Map<String, Object> answer, String key) {
        return OutsideService.text(answer, key)
                .orElseThrow(() -> new IllegalStateException("WeChat answered without '" + key + "' and without an error code"));
    }
}

package io.memberhub.plugins.qqlogin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.login.ExternalIdentity;
import io.memberhub.plugin.api.login.spi.LoginAnswer;
import io.memberhub.plugin.api.login.spi.LoginProvider;
import io.memberhub.plugins.kit.Logins;
import io.memberhub.plugins.kit.OutsideService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Provider {@code qq}: the authorization code QQ Connect handed the merchant's callback, exchanged at
 * {@code /oauth2.0/token} with the merchant's {@code appId}, {@code appKey} and {@code redirectUri} for
 * an access token; {@code /oauth2.0/me} (with {@code unionid=1}) names the person's openid (the
 * subject) and unionid, {@code /user/get_user_info} their nickname. QQ shares no phone number.
 */
@Extension
public class QqLogin implements LoginProvider {

    static final String PROVIDER = "qq";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public LoginAnswer identify(Map<String, String> proof, PluginContext context) {
        Optional<String> appId = OutsideService.setting(context, "appId");
        Optional<String> appKey = OutsideService.setting(context, "appKey");
        Optional<String> redirectUri = OutsideService.setting(context, "redirectUri");
        if (appId.isEmpty() || appKey.isEmpty() || redirectUri.isEmpty()) {
            return LoginAnswer.refused(LoginAnswer.MISCONFIGURED, "settings appId, appKey and redirectUri of plugin qq-login are not all set");
        }
        Optional<String> code = Logins.code(proof);
        if (code.isEmpty()) {
            return LoginAnswer.refused(LoginAnswer.INVALID_PROOF, "the proof needs the code QQ gave the callback: {\"code\": \"...\"}");
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", appId.get());
        exchange.put("client_secret", appKey.get());
        exchange.put("code", code.get());
        exchange.put("redirect_uri", redirectUri.get());
        exchange.put("fmt", "json");
        Map<String, Object> token = QqConnect.get(context, "/oauth2.0/token", exchange);
        Optional<LoginAnswer> refused = QqConnect.refusal(token, "error", "error_description");
        if (refused.isPresent()) {
            return refused.get();
        }
        String accessToken = QqConnect.required(token, "access_token");

        Map<String, String> whoIs = new LinkedHashMap<>();
        whoIs.put("access_token", accessToken);
        whoIs.put("unionid", "1");
        whoIs.put("fmt", "json");
        Map<String, Object> me = QqConnect.get(context, "/oauth2.0/me", whoIs);
        refused = QqConnect.refusal(me, "error", "error_description");
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!appId.get().equals(QqConnect.required(me, "client_id"))) {
            return LoginAnswer.refused(LoginAnswer.INVALID_PROOF, "the access token is another app's");
        }
        String openId = QqConnect.required(me, "openid");
        return LoginAnswer.identified(new ExternalIdentity(PROVIDER, openId, null, nickname(context, accessToken, appId.get(), openId),
                OutsideService.text(me, "unionid").orElse(null)));
    }

    private static String nickname(PluginContext context, String accessToken, String appId, String openId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("access_token", accessToken);
        query.put("oauth_consumer_key", appId);
        query.put("openid", openId);
        return Logins.displayName(() -> QqConnect.get(context, "/user/get_user_info", query), "ret", "nickname");
    }
}

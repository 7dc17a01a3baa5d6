package io.memberhub.plugins.wechatlogin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.login.ExternalIdentity;
import io.memberhub.plugin.api.login.spi.LoginAnswer;
import io.memberhub.plugin.api.login.spi.LoginProvider;
import io.memberhub.plugins.kit.Logins;
import io.memberhub.plugins.kit.OutsideService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Provider {@code wechat}: the OAuth2 code a website (WeChat open platform) or an official account
 * got after the person agreed, exchanged at {@code /sns/oauth2/access_token} with the merchant's
 * {@code appId} and {@code appSecret} for the person's openid (the subject) and unionid; with scope
 * {@code snsapi_userinfo} the nickname comes from {@code /sns/userinfo}. WeChat shares no phone
 * number here.
 */
@Extension
public class WechatLogin implements LoginProvider {

    static final String PROVIDER = "wechat";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public LoginAnswer identify(Map<String, String> proof, PluginContext context) {
        WeChatApi.Exchange exchange = WeChatApi.exchange(context, proof, "appId", "appSecret", "/sns/oauth2/access_token", "code");
        if (exchange.refusal() != null) {
            return exchange.refusal();
        }
        Map<String, Object> token = exchange.answer();
        String openId = WeChatApi.required(token, "openid");
        String accessToken = WeChatApi.required(token, "access_token");
        boolean profile = OutsideService.text(token, "scope").orElse("").contains("snsapi_userinfo");
        String nickname = profile ? nickname(context, accessToken, openId) : null;
        return LoginAnswer.identified(new ExternalIdentity(PROVIDER, openId, null, nickname,
                OutsideService.text(token, "unionid").orElse(null)));
    }

    private static String nickname(PluginContext context, String accessToken, String openId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("access_token", accessToken);
        query.put("openid", openId);
        query.put("lang", "zh_CN");
        return Logins.displayName(() -> WeChatApi.get(context, "/sns/userinfo", query), "errcode", "nickname");
    }
}

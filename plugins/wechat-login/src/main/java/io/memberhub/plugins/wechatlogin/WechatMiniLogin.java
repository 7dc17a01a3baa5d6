package io.memberhub.plugins.wechatlogin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.login.ExternalIdentity;
import io.memberhub.plugin.api.login.spi.LoginAnswer;
import io.memberhub.plugin.api.login.spi.LoginProvider;
import io.memberhub.plugins.kit.OutsideService;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Provider {@code wechat-mini}: the code of the mini-program's {@code wx.login()}, exchanged at
 * {@code /sns/jscode2session} with the merchant's {@code miniAppId} and {@code miniAppSecret} for the
 * person's openid in the mini-program (the subject) and, when the mini-program is bound to the
 * merchant's open-platform account, the unionid that joins the person's other WeChat apps. The
 * session key WeChat also answers stays here: it is never stored, logged or handed on.
 */
@Extension
public class WechatMiniLogin implements LoginProvider {

    static final String PROVIDER = "wechat-mini";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public LoginAnswer identify(Map<String, String> proof, PluginContext context) {
        WeChatApi.Exchange exchange = WeChatApi.exchange(context, proof, "miniAppId", "miniAppSecret", "/sns/jscode2session", "js_code");
        if (exchange.refusal() != null) {
            return exchange.refusal();
        }
        Map<String, Object> session = exchange.answer();
        return LoginAnswer.identified(new ExternalIdentity(PROVIDER, WeChatApi.required(session, "openid"), null, null,
                OutsideService.text(session, "unionid").orElse(null)));
    }
}

package io.memberhub.plugins.wechatlogin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.message.spi.MessageChannel;
import io.memberhub.plugin.api.message.spi.OutgoingMessage;
import io.memberhub.plugins.kit.OutsideService;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.Extension;

/**
 * Channel {@code TEMPLATE_MESSAGE}: a campaign's message as an official account's template message
 * ({@code POST /cgi-bin/message/template/send}) to the openid the member signed in with through
 * provider {@code wechat}, which is the official account's openid when the merchant's {@code appId}
 * is its official account. The merchant's {@code templateId} names the template and
 * {@code templateTextKey} (default {@code first}) the template field the text goes in;
 * {@code templateUrl}, if set, is where tapping the message leads.
 *
 * <p>The app's access token ({@code /cgi-bin/token}, 2 hours) is kept per merchant and app until
 * five minutes before it runs out, or until WeChat says it is no longer valid, since WeChat limits
 * how often one may be asked for.
 */
@Extension
public class WechatTemplateMessages implements MessageChannel {

    private static final Duration MARGIN = Duration.ofMinutes(5);
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {
    }

    @Override
    public String channel() {
        return "TEMPLATE_MESSAGE";
    }

    @Override
    public String description() {
        return "WeChat template message from the official account, to members who signed in with WeChat there";
    }

    @Override
    public boolean send(OutgoingMessage message, PluginContext context) {
        Optional<String> openId = context.members().identity(message.memberId(), WechatLogin.PROVIDER);
        if (openId.isEmpty()) {
            return false;
        }
        String appId = required(context, "appId");
        String templateId = required(context, "templateId");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", openId.get());
        body.put("template_id", templateId);
        OutsideService.setting(context, "templateUrl").ifPresent(url -> body.put("url", url));
        body.put("data", Map.of(OutsideService.setting(context, "templateTextKey").orElse("first"), Map.of("value", message.text())));

        Map<String, Object> answer = post(context, appId, body);
        long errcode = OutsideService.number(answer, "errcode").orElse(0L);
        if (errcode == 40001 || errcode == 42001) {
            // The token ran out early or another server asked for a new one: ask once more, then send again.
            TOKENS.remove(key(context, appId));
            answer = post(context, appId, body);
            errcode = OutsideService.number(answer, "errcode").orElse(0L);
        }
        return switch ((int) errcode) {
            case 0 -> true;
            // The person does not follow the official account, is not its user, or refuses its messages.
            case 43004, 40003, 43101 -> false;
            default -> throw new IllegalStateException("WeChat refused the template message: " + errcode + " "
                    + OutsideService.text(answer, "errmsg").orElse(""));
        };
    }

    private static Map<String, Object> post(PluginContext context, String appId, Map<String, Object> body) {
        String base = OutsideService.setting(context, "apiBaseUrl").orElse(WeChatApi.DEFAULT_BASE_URL);
        return OutsideService.postJson(context, WeChatApi.SERVICE,
                OutsideService.url(base, "/cgi-bin/message/template/send", Map.of("access_token", token(context, appId))), body);
    }

    private static String token(PluginContext context, String appId) {
        String key = key(context, appId);
        Token token = TOKENS.get(key);
        if (token != null && Instant.now().isBefore(token.renewAt())) {
            return token.value();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "client_credential");
        parameters.put("appid", appId);
        parameters.put("secret", required(context, "appSecret"));
        Map<String, Object> answer = WeChatApi.get(context, "/cgi-bin/token", parameters);
        long errcode = OutsideService.number(answer, "errcode").orElse(0L);
        if (errcode != 0) {
            throw new IllegalStateException("WeChat gave no access token for app " + appId + ": " + errcode + " "
                    + OutsideService.text(answer, "errmsg").orElse(""));
        }
        long lifetime = OutsideService.number(answer, "expires_in").orElse(7200L);
        Token fresh = new Token(WeChatApi.required(answer, "access_token"), Instant.now().plusSeconds(lifetime).minus(MARGIN));
        TOKENS.put(key, fresh);
        return fresh.value();
    }

    /** Tokens are the app's: two merchants never share one, and a changed secret is asked with anew. */
    private static String key(PluginContext context, String appId) {
        return context.tenant().id() + "/" + appId + "/" + OutsideService.setting(context, "appSecret").orElse("").hashCode();
    }

    private static String required(PluginContext context, String setting) {
        return OutsideService.setting(context, setting).orElseThrow(() ->
                new IllegalStateException("setting " + setting + " of plugin wechat-login is not set: template messages need it"));
    }
}

package io.memberhub.launcher;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Outside services the platform's plugins call, as a local HTTP server that speaks their documented
 * request and response formats, error codes included: the WeChat sign-in APIs
 * ({@code /sns/oauth2/access_token}, {@code /sns/userinfo}, {@code /sns/jscode2session}) and QQ
 * Connect ({@code /oauth2.0/token}, {@code /oauth2.0/me}, {@code /user/get_user_info}). Tests register
 * the merchant's apps, issue the codes a member's app would receive, make the next answer a rate limit
 * or an outage, and point the plugin's base-URL setting at {@link #baseUrl()} (the platform must allow
 * plugins private addresses: {@code memberhub.plugins.http.allow-private-addresses=true}).
 */
public final class OutsideServiceStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong serial = new AtomicLong();
    private final WeChat wechat = new WeChat();
    private final Qq qq = new Qq();

    private OutsideServiceStandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts it on a free port of the loopback address. */
    public static OutsideServiceStandIn start() throws IOException {
        OutsideServiceStandIn standIn = new OutsideServiceStandIn(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        standIn.route("/sns/oauth2/access_token", standIn.wechat::accessToken);
        standIn.route("/sns/userinfo", standIn.wechat::userInfo);
        standIn.route("/sns/jscode2session", standIn.wechat::codeToSession);
        standIn.route("/cgi-bin/token", standIn.wechat::appToken);
        standIn.route("/cgi-bin/message/template/send", standIn.wechat::templateMessage);
        standIn.route("/oauth2.0/token", standIn.qq::token);
        standIn.route("/oauth2.0/me", standIn.qq::me);
        standIn.route("/user/get_user_info", standIn.qq::userInfo);
        standIn.server.start();
        return standIn;
    }

    /** Where the services answer, e.g. {@code http://127.0.0.1:40123}: the base URL in place of {@code https://api.weixin.qq.com}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    public WeChat wechat() {
        return wechat;
    }

    public Qq qq() {
        return qq;
    }

    /** Every request so far as {@code path?query}, oldest first: what the plugins sent (an app secret included). */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** What one endpoint answers for the request's query parameters: a status and a body. */
    private record Answer(int status, String contentType, String body) {
    }

    private void route(String path, Function<Map<String, String>, Answer> endpoint) {
        route(path, (query, body) -> endpoint.apply(query));
    }

    /** An endpoint that also reads the request's body (a POST of JSON). */
    private void route(String path, BiFunction<Map<String, String>, String, Answer> endpoint) {
        server.createContext(path, exchange -> {
            try (exchange) {
                String query = exchange.getRequestURI().getRawQuery();
                requests.add(exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query));
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Answer answer = exchange.getRequestURI().getPath().equals(path) ? endpoint.apply(query(query), body)
                        : new Answer(404, "text/plain", "not found");
                send(exchange, answer);
            }
        });
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String json(Map<String, ?> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** The person an app's sign-in code stands for, as the service knows them in that app. */
    private record Person(String appId, String openId, String unionId, String nickname) {

        /** What a code used before redeems to. */
        static final Person USED = new Person("", "", null, null);
    }

    /** Codes issued by a service: each works once, for the app it was issued to. */
    private final class Codes {

        private final Map<String, Person> issued = new ConcurrentHashMap<>();
        private final Set<String> used = ConcurrentHashMap.newKeySet();

        String issue(String prefix, Person person) {
            String code = prefix + Long.toString(serial.incrementAndGet(), 36) + Long.toHexString(System.nanoTime());
            issued.put(code, person);
            return code;
        }

        /** The person, {@link Person#USED} for a code used before, or null for one the service never issued to this app. */
        Person redeem(String appId, String code) {
            Person person = issued.get(code);
            if (person == null || !person.appId().equals(appId)) {
                return null;
            }
            return used.add(code) ? person : Person.USED;
        }
    }

    /**
     * The WeChat APIs for an open-platform or official-account app (OAuth2 code for an access token,
     * then the user's profile), for a mini-program ({@code code2session}), and an official account's
     * server APIs (its access token, template messages to its followers). Errors are HTTP 200 with
     * {@code {"errcode": n, "errmsg": "..."}}: 40029 invalid code, 40163 code been used, 40013 invalid
     * appid, 40125 invalid appsecret, 40002 invalid grant_type, 41002/41004/41008 a parameter missing,
     * 40001 invalid access token, 45011 rate limited, -1 system busy.
     */
    public final class WeChat {

        private final Map<String, String> secrets = new ConcurrentHashMap<>();
        private final Codes codes = new Codes();
        private final Map<String, Person> tokens = new ConcurrentHashMap<>();
        private final Deque<int[]> trouble = new ArrayDeque<>();
        private final Map<String, String> appTokens = new ConcurrentHashMap<>();
        private final Set<String> followers = ConcurrentHashMap.newKeySet();
        private final List<Map<String, Object>> templateMessages = new CopyOnWriteArrayList<>();
        private static final String EXPIRED = "";

        private WeChat() {
        }

        /** {@code /cgi-bin/token}: an app's own access token for the server APIs (client credentials). */
        private Answer appToken(Map<String, String> q) {
            Answer trouble = trouble();
            if (trouble != null) {
                return trouble;
            }
            if (!"client_credential".equals(q.get("grant_type"))) {
                return error(40002, "invalid grant_type");
            }
            String secret = secrets.get(q.getOrDefault("appid", ""));
            if (secret == null) {
                return error(40013, "invalid appid");
            }
            if (!secret.equals(q.get("secret"))) {
                return error(40125, "invalid appsecret");
            }
            String token = "wxapp-" + serial.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
            appTokens.put(token, q.get("appid"));
            return ok(fields("access_token", token, "expires_in", 7200));
        }

        /**
         * {@code /cgi-bin/message/template/send}: 40001 unknown token, 42001 expired token, 40037 no
         * template id, 40003 an openid the app does not know, 43004 a person not following the account.
         */
        private Answer templateMessage(Map<String, String> q, String body) {
            String app = appTokens.get(q.getOrDefault("access_token", ""));
            if (app == null) {
                return error(40001, "invalid credential, access_token is invalid or not latest");
            }
            if (app.equals(EXPIRED)) {
                return error(42001, "access_token expired");
            }
            Map<String, Object> message;
            try {
                message = JSON.readValue(body, new TypeReference<>() { });
            } catch (IOException e) {
                return error(47001, "data format error");
            }
            if (blank((String) message.get("template_id"))) {
                return error(40037, "invalid template_id");
            }
            String openId = (String) message.get("touser");
            if (blank(openId) || !openId.startsWith("o")) {
                return error(40003, "invalid openid");
            }
            if (!followers.contains(app + "/" + openId)) {
                return error(43004, "require subscribe");
            }
            templateMessages.add(message);
            return ok(fields("errcode", 0, "errmsg", "ok", "msgid", serial.incrementAndGet()));
        }

        /** Registers an app (a website, an official account or a mini-program) with its AppSecret. */
        public WeChat app(String appId, String secret) {
            secrets.put(appId, secret);
            return this;
        }

        /**
         * The code the member's app receives when the person signs in to {@code appId}: the person's
         * openid in that app and, for apps bound to the merchant's open-platform account, the unionid.
         */
        public String code(String appId, String openId, String unionId, String nickname) {
            return codes.issue("wx", new Person(appId, openId, unionId, nickname));
        }

        /** The person follows the official account {@code appId}: template messages reach their openid there. */
        public WeChat follower(String appId, String openId) {
            followers.add(appId + "/" + openId);
            return this;
        }

        /** Every template message accepted so far, oldest first: {@code touser}, {@code template_id}, {@code url}, {@code data}. */
        public List<Map<String, Object>> templateMessages() {
            return List.copyOf(templateMessages);
        }

        /** Every app access token given so far stops working ({@code 42001 access_token expired}), as after two hours. */
        public void expireAppTokens() {
            appTokens.replaceAll((token, app) -> EXPIRED);
        }

        /** The next answer is {@code 45011 api minute-quota reach limit}. */
        public void rateLimitNext() {
            synchronized (trouble) {
                trouble.add(new int[] {45011});
            }
        }

        /** The next answer is {@code -1 system error} (WeChat is busy). */
        public void busyNext() {
            synchronized (trouble) {
                trouble.add(new int[] {-1});
            }
        }

        private Answer accessToken(Map<String, String> q) {
            return exchange(q, "code", person -> {
                String token = "wxat-" + serial.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
                tokens.put(token, person);
                return ok(fields("access_token", token, "expires_in", 7200, "refresh_token", "wxrt-" + token, "openid", person.openId(),
                        "scope", "snsapi_userinfo", "unionid", person.unionId()));
            });
        }

        private Answer userInfo(Map<String, String> q) {
            Answer trouble = trouble();
            if (trouble != null) {
                return trouble;
            }
            Person person = tokens.get(q.getOrDefault("access_token", ""));
            if (person == null) {
                return error(40001, "invalid credential, access_token is invalid or not latest");
            }
            if (!person.openId().equals(q.get("openid"))) {
                return error(40003, "invalid openid");
            }
            return ok(fields("openid", person.openId(), "nickname", person.nickname(), "sex", 0, "province", "", "city", "", "country", "",
                    "headimgurl", "", "privilege", List.of(), "unionid", person.unionId()));
        }

        private Answer codeToSession(Map<String, String> q) {
            return exchange(q, "js_code", person ->
                    ok(fields("openid", person.openId(), "session_key", "sk-" + Long.toHexString(System.nanoTime()), "unionid", person.unionId())));
        }

        /** A code exchange: the checks before the code, the code itself (once, for its app), then the answer for its person. */
        private Answer exchange(Map<String, String> q, String codeParameter, Function<Person, Answer> answer) {
            Answer refused = checked(q, q.get(codeParameter));
            if (refused != null) {
                return refused;
            }
            Person person = codes.redeem(q.get("appid"), q.get(codeParameter));
            if (person == null) {
                return error(40029, "invalid code");
            }
            return person == Person.USED ? error(40163, "code been used") : answer.apply(person);
        }

        /** The checks before the code: injected trouble, missing parameters, the app and its secret. */
        private Answer checked(Map<String, String> q, String code) {
            Answer trouble = trouble();
            if (trouble != null) {
                return trouble;
            }
            if (blank(q.get("appid"))) {
                return error(41002, "appid missing");
            }
            if (blank(q.get("secret"))) {
                return error(41004, "appsecret missing");
            }
            if (blank(code)) {
                return error(41008, "missing code");
            }
            if (!"authorization_code".equals(q.get("grant_type"))) {
                return error(40002, "invalid grant_type");
            }
            String secret = secrets.get(q.get("appid"));
            if (secret == null) {
                return error(40013, "invalid appid");
            }
            if (!secret.equals(q.get("secret"))) {
                return error(40125, "invalid appsecret");
            }
            return null;
        }

        private Answer trouble() {
            int[] next;
            synchronized (trouble) {
                next = trouble.poll();
            }
            if (next == null) {
                return null;
            }
            return next[0] == 45011 ? error(45011, "api minute-quota reach limit  mustslower  retry next minute") : error(-1, "system error");
        }

        private Answer error(int code, String message) {
            return ok(fields("errcode", code, "errmsg", message + ", rid: " + Long.toHexString(System.nanoTime())));
        }

        private Answer ok(Map<String, Object> body) {
            return new Answer(200, "text/plain", json(body));
        }
    }

    /**
     * QQ Connect (OAuth 2.0): a code for an access token ({@code fmt=json} answers JSON, otherwise a
     * form-encoded body), the token's openid and, with {@code unionid=1}, unionid ({@code fmt=json}
     * JSON, otherwise JSONP {@code callback( ... );}), and the user's profile. Errors are
     * {@code {"error": n, "error_description": "..."}} (profile: {@code {"ret": n, "msg": "..."}}):
     * 100019 code exchange failed (unknown code), 100020 code used again, 100008 unknown app, 100009
     * wrong client secret, 100010 redirect URI not the app's, 100016 access token check failed, and
     * {@code api freq out of limit} when rate limited.
     */
    public final class Qq {

        private record App(String secret, String redirectUri) {
        }

        private final Map<String, App> apps = new ConcurrentHashMap<>();
        private final Codes codes = new Codes();
        private final Map<String, Person> tokens = new ConcurrentHashMap<>();
        private volatile int limited;

        private Qq() {
        }

        /** Registers an app with its APP Key (the client secret) and its sign-in callback address. */
        public Qq app(String appId, String appKey, String redirectUri) {
            apps.put(appId, new App(appKey, redirectUri));
            return this;
        }

        /** The authorization code QQ hands the app's callback after the person signed in to {@code appId}. */
        public String code(String appId, String openId, String unionId, String nickname) {
            return codes.issue("qq", new Person(appId, openId, unionId, nickname));
        }

        /** The next answer is the rate limit ({@code api freq out of limit}). */
        public synchronized void rateLimitNext() {
            limited++;
        }

        private Answer token(Map<String, String> q) {
            boolean json = "json".equals(q.get("fmt"));
            if (limitedNow()) {
                return error(json, -6, "api freq out of limit");
            }
            if (!"authorization_code".equals(q.get("grant_type"))) {
                return error(json, 100004, "param grant_type is wrong or lost");
            }
            if (blank(q.get("client_id"))) {
                return error(json, 100001, "param client_id is wrong or lost");
            }
            if (blank(q.get("client_secret"))) {
                return error(json, 100002, "param client_secret is wrong or lost");
            }
            if (blank(q.get("code"))) {
                return error(json, 100005, "param code is wrong or lost");
            }
            App app = apps.get(q.get("client_id"));
            if (app == null) {
                return error(json, 100008, "client id is illegal");
            }
            if (!app.secret().equals(q.get("client_secret"))) {
                return error(json, 100009, "client secret is illegal");
            }
            if (!app.redirectUri().equals(q.get("redirect_uri"))) {
                return error(json, 100010, "redirect uri is illegal");
            }
            Person person = codes.redeem(q.get("client_id"), q.get("code"));
            if (person == null) {
                return error(json, 100019, "code to access token error");
            }
            if (person == Person.USED) {
                return error(json, 100020, "code is reused error");
            }
            String token = "qqat" + serial.incrementAndGet() + Long.toHexString(System.nanoTime()).toUpperCase();
            tokens.put(token, person);
            return json ? ok(fields("access_token", token, "expires_in", "7776000", "refresh_token", "R" + token))
                    : new Answer(200, "text/plain", "access_token=" + token + "&expires_in=7776000&refresh_token=R" + token);
        }

        private Answer me(Map<String, String> q) {
            boolean json = "json".equals(q.get("fmt"));
            if (limitedNow()) {
                return jsonp(json, fields("error", -6, "error_description", "api freq out of limit"));
            }
            Person person = tokens.get(q.getOrDefault("access_token", ""));
            if (person == null) {
                return jsonp(json, fields("error", 100016, "error_description", "access token check failed"));
            }
            return jsonp(json, fields("client_id", person.appId(), "openid", person.openId(),
                    "unionid", "1".equals(q.get("unionid")) ? person.unionId() : null));
        }

        private Answer userInfo(Map<String, String> q) {
            if (limitedNow()) {
                return ok(fields("ret", -6, "msg", "api freq out of limit"));
            }
            Person person = tokens.get(q.getOrDefault("access_token", ""));
            if (person == null) {
                return ok(fields("ret", 100016, "msg", "access token check failed"));
            }
            if (!person.appId().equals(q.get("oauth_consumer_key")) || !person.openId().equals(q.get("openid"))) {
                return ok(fields("ret", -1, "msg", "client request's parameters are invalid, invalid openid"));
            }
            return ok(fields("ret", 0, "msg", "", "is_lost", 0, "nickname", person.nickname(), "gender", "男", "figureurl", ""));
        }

        private synchronized boolean limitedNow() {
            if (limited == 0) {
                return false;
            }
            limited--;
            return true;
        }

        private Answer error(boolean json, int code, String description) {
            return jsonp(json, fields("error", code, "error_description", description));
        }

        private Answer jsonp(boolean json, Map<String, Object> body) {
            return json ? ok(body) : new Answer(200, "text/plain", "callback( " + json(body) + " );\n");
        }

        private Answer ok(Map<String, Object> body) {
            return new Answer(200, "text/html; charset=utf-8", json(body));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

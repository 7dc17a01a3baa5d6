package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that follows redirects and submits forms the way a browser does,
 * enough to walk the real sign-in through Keycloak's pages. (Screens with scripts are tested in a
 * real browser; this is for the protocol.)
 */
final class Browser {

    private static final Pattern FORM = Pattern.compile("<form[^>]*\\bid=\"(kc-[a-z-]+-form|kc-form-login|kc-passwd-update-form)\"[^>]*\\baction=\"([^\"]+)\"",
            Pattern.CASE_INSENSITIVE);

    record Page(int status, URI uri, String body) {

        boolean isKeycloakLogin() {
            return body.contains("id=\"kc-form-login\"");
        }

        boolean isKeycloakPasswordUpdate() {
            return body.contains("id=\"kc-passwd-update-form\"");
        }

        /** Keycloak names each of its pages (login-login, login-update-password, ...); useful in failure messages. */
        String keycloakPage() {
            Matcher m = PAGE_ID.matcher(body);
            return m.find() ? m.group(1) : "(not a Keycloak page)";
        }

        private boolean asksForUsername() {
            return body.contains("name=\"username\"");
        }

        /** The action URL of Keycloak's form on this page. */
        String keycloakFormAction() {
            Matcher m = FORM.matcher(body);
            assertThat(m.find()).as("a Keycloak form on %s:%n%s", uri, body).isTrue();
            return m.group(2).replace("&amp;", "&");
        }
    }

    private static final Pattern PAGE_ID = Pattern.compile("data-page-id=\"([^\"]+)\"");

    private final String acceptLanguage;
    private final HttpClient http;

    Browser() {
        this("zh-CN,zh;q=0.9");
    }

    Browser(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    Page get(URI uri) {
        return send(request(uri).GET().build());
    }

    /** A download as a browser follows a link to it: the status, the headers and the bytes as they came. */
    record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
    }

    Download download(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept-Language", acceptLanguage)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Could not reach " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Page post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Sends a {@code multipart/form-data} form as a browser does: text fields, then files (name to file name and bytes). */
    Page postMultipart(URI uri, Map<String, String> fields, Map<String, Map.Entry<String, byte[]>> files) {
        String boundary = "----memberhub" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, file) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /**
     * Fills in Keycloak's sign-in form on {@code page}. With organizations on, Keycloak may ask for
     * the username first and the password on a second page (identity-first login), so a form that
     * comes back asking only for the password is answered too.
     */
    Page signIn(Page page, String username, String password) {
        assertThat(page.isKeycloakLogin()).as("Keycloak's sign-in form at %s (%s)", page.uri(), page.keycloakPage()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("credentialId", "");
        Page next = post(URI.create(page.keycloakFormAction()), form);
        if (next.isKeycloakLogin() && !next.asksForUsername() && !next.body().contains("id=\"input-error\"")) {
            next = post(URI.create(next.keycloakFormAction()), Map.of("password", password, "credentialId", ""));
        }
        return next;
    }

    /** Answers Keycloak's "update your password" form, shown after signing in with a temporary one. */
    Page choosePassword(Page page, String password) {
        assertThat(page.isKeycloakPasswordUpdate()).as("Keycloak's password update form at %s (%s)", page.uri(), page.keycloakPage()).isTrue();
        return post(URI.create(page.keycloakFormAction()), Map.of("password-new", password, "password-confirm", password));
    }

    /**
     * Browsers count http://localhost as a secure context and send it {@code Secure} cookies, which
     * Keycloak sets on its sign-in pages; Java's cookie store does not, so it is taught to.
     */
    private static final class LocalhostCookies extends CookieManager {

        LocalhostCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            if (!"localhost".equals(uri.getHost())) {
                super.put(uri, headers);
                return;
            }
            Map<String, List<String>> relaxed = new LinkedHashMap<>();
            headers.forEach((name, values) -> relaxed.put(name, name != null && name.toLowerCase(Locale.ROOT).startsWith("set-cookie")
                    ? values.stream().map(v -> SECURE.matcher(v).replaceAll("")).toList()
                    : values));
            super.put(uri, relaxed);
        }
    }

    private static final Pattern SECURE = Pattern.compile(";\\s*Secure(?=;|$)", Pattern.CASE_INSENSITIVE);

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept-Language", acceptLanguage)
                .header("Accept", "text/html");
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.uri(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Could not reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.memberhub.console.i18n;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * The language a page is shown in: the one the person picked in the console, else the first of
 * ours their browser asks for, else Chinese (most merchants run their shops in Chinese).
 */
@RequestScoped
public class RequestLocale {

    public static final String COOKIE = "mh_lang";
    public static final Locale CHINESE = Locale.forLanguageTag("zh");
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Inject
    HttpHeaders headers;

    public Locale get() {
        Cookie chosen = headers.getCookies().get(COOKIE);
        if (chosen != null) {
            return supported(chosen.getValue());
        }
        for (Locale wanted : headers.getAcceptableLanguages()) {
            String language = wanted.getLanguage();
            if ("zh".equals(language)) {
                return CHINESE;
            }
            if ("en".equals(language)) {
                return ENGLISH;
            }
        }
        return CHINESE;
    }

    /** The page, to be rendered in this request's language. */
    public TemplateInstance on(TemplateInstance page) {
        return page.setLocale(get());
    }

    public static Locale supported(String tag) {
        return "en".equalsIgnoreCase(tag) ? ENGLISH : CHINESE;
    }
}

package io.memberhub.console.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;

/** A message bundle's texts in a page's language, for messages made in Java rather than in a template. */
public final class Bundles {

    private Bundles() {
    }

    public static <T> T in(Class<T> bundle, Locale locale) {
        return "en".equals(locale.getLanguage()) ? MessageBundles.get(bundle, Localized.Literal.of("en")) : MessageBundles.get(bundle);
    }
}

package io.memberhub.console.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Names the merchant a person chose in the console, for people who work for several: the platform
 * only accepts a merchant the token itself lists, so the cookie cannot widen anyone's access. Every
 * call also says whose browser it is made for ({@link BrowserOrigin}).
 */
@ApplicationScoped
public class ChosenMerchantHeader implements ClientHeadersFactory {

    public static final String COOKIE = "mh_merchant";
    static final String HEADER = "X-MemberHub-Tenant";

    /** The page request being served (a request-scoped proxy), whose cookie names the merchant. */
    @Inject
    HttpHeaders page;

    @Inject
    BrowserOrigin origin;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        Cookie chosen = page.getCookies().get(COOKIE);
        if (chosen != null && !chosen.getValue().isBlank()) {
            headers.putSingle(HEADER, chosen.getValue());
        }
        origin.addTo(headers);
        return headers;
    }
}

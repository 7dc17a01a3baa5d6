package io.memberhub.platform.observability;

import io.memberhub.platform.tenancy.ObservedTenant;
import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Adds the merchant a request acted for to the HTTP server metrics ({@code http.server.requests}),
 * next to the templated route Quarkus already tags them with, so latency and errors can be read per
 * merchant. Requests that acted for none are tagged {@value TenantTag#NONE}.
 */
@ApplicationScoped
public class RequestTenantTags implements HttpServerMetricsTagsContributor {

    @Inject
    TenantTag tenantTag;

    @Override
    public Tags contribute(Context context) {
        return tenantTag.of(ObservedTenant.ofRequest(context.requestContextLocalData(ObservedTenant.REQUEST_KEY)));
    }
}

package io.memberhub.plugin.api.http;

import io.memberhub.plugin.api.InterfaceStability;

/**
 * HTTP calls to services outside the platform (a WeChat API, an SMS gateway). Needs
 * {@code http:outbound}. Only {@code http} and {@code https} to public addresses: loopback, private
 * and link-local destinations are refused ({@code HTTP_DESTINATION_REFUSED}). A call that takes
 * longer than its time limit fails with {@code HTTP_TIMEOUT}; a connection failure with
 * {@code HTTP_FAILED}. Any status code is an answer, not a failure. The platform's time limit on
 * the plugin call itself still applies.
 */
@InterfaceStability.Evolving
public interface HttpApi {

    OutboundResponse send(OutboundRequest request);
}

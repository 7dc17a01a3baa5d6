package io.memberhub.platform.audit;

/**
 * Who acted, as they were at that moment: the login's id with the email, name and role it had then,
 * since the login may be renamed, change role or disappear later.
 *
 * @param kind  {@code STAFF}, {@code OPERATOR} or {@code DEVELOPER}
 * @param id    the Keycloak user id
 * @param role  the staff role ({@code owner}, {@code admin}, {@code operator}) or the realm role acted in
 */
public record Actor(String kind, String id, String email, String name, String role) {
}

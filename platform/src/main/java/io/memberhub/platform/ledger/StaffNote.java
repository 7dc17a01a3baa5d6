package io.memberhub.platform.ledger;

/**
 * Who wrote a manual ledger line (a staff member's Keycloak user id) and the reason they gave; the
 * lines facts write (orders, top-ups, expiry...) have none.
 */
public record StaffNote(String text, String staffUserId) {
}

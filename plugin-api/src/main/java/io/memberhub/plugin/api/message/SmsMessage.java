package io.memberhub.plugin.api.message;

import io.memberhub.plugin.api.InterfaceStability;

/**
 * A text message to one phone on behalf of a merchant.
 *
 * @param tenantId the merchant the message is sent for (senders may use per-merchant signatures)
 * @param phone    the receiving phone number as the member gave it, e.g. {@code 13800000000}
 * @param purpose  why it is sent, e.g. {@code LOGIN_CODE}, {@code STEP_UP_CODE}; a sender may pick a template by it
 * @param text     the complete text, already filled in
 */
@InterfaceStability.Evolving
public record SmsMessage(String tenantId, String phone, String purpose, String text) {
}

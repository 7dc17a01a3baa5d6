package io.memberhub.plugin.api.message.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.UUID;

/**
 * One message to one member.
 *
 * @param purpose what it is for, e.g. {@code MARKETING}
 * @param text    the merchant's text with the member's name filled in
 */
@InterfaceStability.Evolving
public record OutgoingMessage(UUID memberId, String phone, String purpose, String text) {
}

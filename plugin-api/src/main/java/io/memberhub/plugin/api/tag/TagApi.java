package io.memberhub.plugin.api.tag;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.List;
import java.util.UUID;

/**
 * The merchant's member tags, by name. Plugins put and take off the merchant's manual tags (a rule
 * tag follows its rule and refuses both); the merchant sees the plugin as who did it. Reading needs
 * {@code tags:read} or {@code tags:write}, changing {@code tags:write}. Since plugin-api 1.1.0.
 */
@InterfaceStability.Evolving
public interface TagApi {

    /** The names of the member's tags, rule and manual, alphabetically. */
    List<String> of(UUID memberId);

    /** Puts the manual tag on the member; false when it was already on. Unknown tags: {@code TAG_NOT_FOUND}. */
    boolean add(UUID memberId, String tag);

    /** Takes the manual tag off the member; false when it was not on. */
    boolean remove(UUID memberId, String tag);
}

package io.memberhub.plugin.api.field.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * A kind of custom member field beyond the platform's own (text, single choice, date, image), e.g.
 * an education pack's student number or a gym's body-measurement record. A merchant defines a field
 * of this type ({@code "type": "PLUGIN", "pluginType": "<pluginId>:<TYPE>"}); every value written
 * to it (by staff, an import, the member's app) is checked by {@link #rejection}. Since plugin-api 1.1.0.
 */
@InterfaceStability.Evolving
public interface MemberFieldType extends ExtensionPoint {

    /** The type's name: 2-40 of {@code A-Z 0-9 _}, unique within the plugin, e.g. {@code STUDENT_NUMBER}. */
    String type();

    /** What values look like, for the merchant's console, e.g. {@code School student number: S and 7 digits}. */
    String description();

    /**
     * Why the value (stripped, 1-500 characters) does not fit, in words the person typing it reads, or
     * {@code null} when it does. Called within the platform's time limit; when you fail or answer late
     * the value is refused as "cannot be checked now", so keep it local and fast.
     */
    String rejection(String value, PluginContext context) throws Exception;
}

package io.memberhub.platform.activity;

/**
 * Who sent an activity: staff through the console or API, a device or integration, the member's own app,
 * a plugin, or the platform itself (logins and purchases it saw happen).
 */
public enum ActivitySource {
    STAFF, DEVICE, MEMBER, PLUGIN, SYSTEM
}

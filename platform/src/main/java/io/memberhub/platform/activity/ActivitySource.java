package io.memberhub.platform.activity;

/** Who sent an activity: staff through the console or API, a device or integration, the member's own app, or a plugin. */
public enum ActivitySource {
    STAFF, DEVICE, MEMBER, PLUGIN
}

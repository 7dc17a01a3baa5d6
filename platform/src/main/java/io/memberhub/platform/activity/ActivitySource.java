package io.memberhub.platform.activity;

/** Who sent an activity: staff through the console or API, a device or integration, or the member's own app. */
public enum ActivitySource {
    STAFF, DEVICE, MEMBER
}

package io.memberhub.platform.lifecycle;

/**
 * A member's value by the sum of their RFM scores (3 to 15): TOP 13 and more, HIGH 10 to 12,
 * MEDIUM 7 to 9, LOW below; NONE for members who never bought.
 */
public enum ValueClass {
    TOP, HIGH, MEDIUM, LOW, NONE
}

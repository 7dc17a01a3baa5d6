package io.memberhub.platform.lifecycle;

/**
 * Where a member stands with the merchant. Every live member is in exactly one stage, decided by the
 * merchant's {@link LifecycleRules} in this order: NEW (joined within the new-member days), PROSPECT
 * (never bought), DORMANT, AT_RISK (no order for that many days), WON_BACK (bought again after a
 * dormant stretch, for the won-back days), ACTIVE (enough orders in the activity window), else AT_RISK.
 */
public enum LifecycleStage {
    PROSPECT, NEW, ACTIVE, AT_RISK, DORMANT, WON_BACK
}

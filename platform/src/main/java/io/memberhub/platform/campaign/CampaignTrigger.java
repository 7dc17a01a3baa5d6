package io.memberhub.platform.campaign;

/**
 * The occasion a campaign answers, and what its {@code days} means for it. Each occasion has a key,
 * so a member is reached once per occasion: once in a life for WELCOME, once a year for BIRTHDAY,
 * once per stretch of dormancy, per expiring batch of points, per coupon, per level change, per stage entered.
 */
public enum CampaignTrigger {
    /** Members who registered within the last {@code days} days (0: today only). */
    WELCOME,
    /** Members whose birthday is {@code days} days from today in the merchant's time zone (0: today). */
    BIRTHDAY,
    /** Members with no order for at least {@code days} days who registered at least that long ago. */
    DORMANT,
    /** Members with points expiring within {@code days} days. */
    POINTS_EXPIRING,
    /** Members moved up (to {@code levelId}, if given) since the campaign was created. */
    LEVEL_UP,
    /** Members moved down (to {@code levelId}, if given) since the campaign was created. */
    LEVEL_DOWN,
    /** Members holding a coupon that expires within {@code days} days, once per coupon. */
    COUPON_EXPIRING,
    /**
     * Members who entered the lifecycle {@code stage} since the campaign was created and are still in it,
     * once each time they enter it.
     */
    STAGE_ENTERED
}

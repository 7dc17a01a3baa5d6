package io.memberhub.platform.level;

/** Why a member's level moved. */
public enum LevelChangeKind {
    /** The facts met a higher level's upgrade rule. */
    UPGRADE,
    /** A retention rule stayed unmet through its grace period. */
    DOWNGRADE,
    /** Staff set the level by hand, possibly pinning it. */
    MANUAL,
    /** The member bought a paid level. */
    PURCHASE,
    /** A paid level's validity ended; the member is back on the earned level. */
    PAID_EXPIRED
}

package io.memberhub.platform.mall;

/** What a lottery prize is: nothing (谢谢参与), goods staff hand over, or a coupon issued at once. */
public enum PrizeKind {
    NONE,
    GOODS,
    COUPON
}

package io.memberhub.platform.mall;

/** What a member gets for the points of a mall reward. */
public enum RewardKind {
    /** A thing the merchant hands over or ships: the order waits until staff fulfil it. */
    GOODS,
    /** A coupon issued from a coupon template when redeemed: fulfilled at once. */
    COUPON,
    /** A service the merchant performs (a wash, a class): the order waits until staff fulfil it. */
    SERVICE,
    /** Points donated to a cause the merchant names: fulfilled at once, the merchant pays the cause. */
    CHARITY,
    /** A draw from a table of prizes with whole-number weights, "no prize" among them. */
    LOTTERY;

    boolean fulfilledAtOnce() {
        return this == COUPON || this == CHARITY;
    }
}

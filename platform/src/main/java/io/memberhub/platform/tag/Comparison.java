package io.memberhub.platform.tag;

/** How a condition compares a member's metric with its value. */
public enum Comparison {
    GTE(">="), GT(">"), LTE("<="), LT("<"), EQ("=");

    final String sql;

    Comparison(String sql) {
        this.sql = sql;
    }
}

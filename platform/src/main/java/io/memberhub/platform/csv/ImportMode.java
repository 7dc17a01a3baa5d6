package io.memberhub.platform.csv;

/** What to do with a file that has bad rows. */
public enum ImportMode {
    /** Import nothing unless every row is good. */
    ALL,
    /** Import the good rows and report the bad ones. */
    VALID
}

package io.memberhub.platform.member;

public enum Gender {
    MALE, FEMALE, UNDISCLOSED
}

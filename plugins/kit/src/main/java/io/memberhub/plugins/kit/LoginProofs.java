package io.memberhub.plugins.kit;

import java.util.Map;
import java.util.Optional;

/** What a member's app sends a login plugin as its proof ({@code {"code": "..."}}). */
public final class LoginProofs {

    private static final int MAX_CODE = 512;

    private LoginProofs() {
    }

    /** The service's code, empty when the proof has none that could be one (blank or over 512 characters). */
    public static Optional<String> code(Map<String, String> proof) {
        return Optional.ofNullable(proof.get("code")).map(String::strip).filter(code -> !code.isEmpty() && code.length() <= MAX_CODE);
    }
}

package io.memberhub.plugins.kit;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What login plugins share: the proof a member's app sends ({@code {"code": "..."}}) and the person's display name. */
public final class Logins {

    private static final int MAX_CODE = 512;
    private static final int MAX_NAME = 100;

    private Logins() {
    }

    /** The service's code, empty when the proof has none that could be one (blank or over 512 characters). */
    public static Optional<String> code(Map<String, String> proof) {
        return Optional.ofNullable(proof.get("code")).map(String::strip).filter(code -> !code.isEmpty() && code.length() <= MAX_CODE);
    }

    /**
     * The person's name from the service's profile call, cut to the platform's 100 characters, or null
     * when the call fails or answers an error ({@code errorKey} set and not 0): the sign-in has
     * succeeded already (the code is spent), so a missing profile only costs the name.
     */
    public static String displayName(Supplier<Map<String, Object>> profile, String errorKey, String nameKey) {
        try {
            Map<String, Object> answer = profile.get();
            if (OutsideService.number(answer, errorKey).orElse(0L) != 0) {
                return null;
            }
            return OutsideService.text(answer, nameKey).map(name -> name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

package io.memberhub.platform.pluginapi;

import io.memberhub.platform.membercode.MemberCodeKeys;
import io.memberhub.platform.membercode.MemberCodes;
import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.membercode.MemberCodeApi;
import io.memberhub.plugin.api.membercode.VerificationKey;
import io.memberhub.plugin.api.membercode.VerifiedCode;
import java.util.List;

/** {@link MemberCodeApi} for one plugin and merchant: the merchant's codes and key, data signed under the plugin's id. */
final class ContextMemberCodes implements MemberCodeApi {

    private static final int MAX_CONTENT = 4 * 1024 * 1024;

    private final PluginCaller caller;
    private final MemberCodes codes;
    private final MemberCodeKeys keys;

    ContextMemberCodes(PluginCaller caller, MemberCodes codes, MemberCodeKeys keys) {
        this.caller = caller;
        this.codes = codes;
        this.keys = keys;
    }

    @Override
    public VerifiedCode verify(String code) {
        caller.require(Permissions.MEMBER_CODES_VERIFY);
        ArgumentChecks.require(code != null && !code.isBlank(), "code is required");
        return PlatformSide.call(() -> {
            MemberCodes.Verified verified = codes.verify(caller, code.strip());
            return new VerifiedCode(verified.memberId(), verified.level() == null ? null : verified.level().name(),
                    verified.level() == null ? null : verified.level().rank(), verified.expiresAt());
        });
    }

    @Override
    public List<VerificationKey> keys() {
        caller.require(Permissions.MEMBER_CODES_VERIFY);
        return PlatformSide.call(() -> keys.publicKeys(caller).stream()
                .map(k -> new VerificationKey(k.kid(), k.algorithm(), k.publicKey(), k.retiredAt() != null))
                .toList());
    }

    @Override
    public String sign(String content) {
        caller.require(Permissions.DATA_SIGN);
        ArgumentChecks.require(content != null && content.length() <= MAX_CONTENT, "content must have at most 4 MiB");
        return PlatformSide.call(() -> codes.signData(caller, caller.pluginId(), content));
    }
}

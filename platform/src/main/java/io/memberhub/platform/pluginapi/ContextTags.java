package io.memberhub.platform.pluginapi;

import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tag.MemberTagResponse;
import io.memberhub.platform.tag.TagResponse;
import io.memberhub.platform.tag.Tags;
import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.tag.TagApi;
import java.util.List;
import java.util.UUID;

/** {@link TagApi} for one plugin and merchant: tags by name, changes recorded as the plugin's. */
final class ContextTags implements TagApi {

    private final PluginCaller caller;
    private final Tags tags;
    private final MemberService members;

    ContextTags(PluginCaller caller, Tags tags, MemberService members) {
        this.caller = caller;
        this.tags = tags;
        this.members = members;
    }

    @Override
    public List<String> of(UUID memberId) {
        caller.requireAny(Permissions.TAGS_READ, Permissions.TAGS_WRITE);
        ArgumentChecks.notNull(memberId, "memberId");
        return PlatformSide.call(() -> {
            members.requireLive(caller, memberId);
            return tags.tagsOf(caller, memberId).stream().map(MemberTagResponse::name).sorted().toList();
        });
    }

    @Override
    public boolean add(UUID memberId, String tag) {
        check(memberId, tag);
        return PlatformSide.call(() -> tags.tag(caller, memberId, named(tag), "plugin:" + caller.pluginId()));
    }

    @Override
    public boolean remove(UUID memberId, String tag) {
        check(memberId, tag);
        return PlatformSide.call(() -> tags.untag(caller, memberId, named(tag), "plugin:" + caller.pluginId()));
    }

    private void check(UUID memberId, String tag) {
        caller.require(Permissions.TAGS_WRITE);
        ArgumentChecks.notNull(memberId, "memberId");
        ArgumentChecks.require(tag != null && !tag.isBlank() && tag.length() <= 40, "tag must have 1 to 40 characters");
    }

    private UUID named(String tag) {
        return tags.list(caller).stream().filter(t -> t.name().equals(tag.strip())).map(TagResponse::id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("TAG_NOT_FOUND", "The merchant has no tag '" + tag + "'"));
    }
}

package io.memberhub.console.members;

import io.memberhub.console.growth.GrowthApi;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.lifecycle.LifecycleApi;
import io.memberhub.console.platform.MemberViews;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads a member's portrait from the platform and draws it, with the forms as they stand. */
@RequestScoped
class Portraits {

    static final int TIMELINE_PAGE = 20;

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    @RestClient
    MemberWorkApi work;

    @Inject
    @RestClient
    GrowthApi growth;

    @Inject
    @RestClient
    LifecycleApi lifecycle;

    @Inject
    RequestLocale locale;

    TemplateInstance draw(UUID id, String before, Portrait.Forms forms, String done) {
        MemberViews.Member member = platform.member(id);
        List<MemberViews.Tag> tags = platform.tags(id);
        Set<UUID> carried = tags.stream().map(MemberViews.Tag::id).collect(Collectors.toSet());
        List<MemberViews.Tag> others = platform.allTags().stream().filter(t -> !carried.contains(t.id()) && !"RULE".equals(t.kind())).toList();
        String cursor = before == null || before.isBlank() ? null : before;
        return locale.on(MembersPage.Templates.portrait(new Portrait(platform.merchant(), member, levelOf(id), work.levelHistory(id), lifecycle.member(id),
                work.points(id), growth.member(id), work.wallet(id), tags, others, platform.coupons(id), work.activity(id, cursor, TIMELINE_PAGE),
                forms.points(), forms.growth(), forms.wallet(), forms.tag(), done)));
    }

    /** A member before any level applies has none: the page says so rather than failing. */
    private MemberViews.Level levelOf(UUID id) {
        try {
            return platform.level(id);
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() == 404) {
                return new MemberViews.Level(null, null);
            }
            throw refused;
        }
    }
}

package io.memberhub.platform.level;

import io.memberhub.platform.member.MemberRegistered;
import io.memberhub.platform.member.MembersImported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** New members start on the level they qualify for (the entry level), not on none. */
@ApplicationScoped
class NewMemberLevels {

    @Inject
    MemberLevels levels;

    @Inject
    LevelReviews reviews;

    @Inject
    LadderCache ladders;

    void onRegistered(@Observes MemberRegistered registered) {
        levels.applyFacts(registered, registered.memberId(), "registration");
    }

    void onImported(@Observes MembersImported imported) {
        if (!ladders.get(imported).isEmpty()) {
            reviews.request(imported, "members imported");
        }
    }
}

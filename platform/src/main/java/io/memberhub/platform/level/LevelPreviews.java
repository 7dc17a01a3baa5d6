package io.memberhub.platform.level;

import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many members each level would hold if a proposed level were saved, before it is: the level
 * is checked as a save checks it, then the members are read a page at a time with every fact the
 * proposed ladder's rules use (one statement a page, the statement a level review reads them with) and the rules
 * are evaluated on each page by the code a review decides upgrades with. Nothing is written.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class LevelPreviews {

    @Inject
    EntityManager em;

    @Inject
    LevelService levels;

    @ConfigProperty(name = "memberhub.levels.review-page-size", defaultValue = "100000")
    int pageSize;

    /** The request is validated here, not at the edge, so that its errors name the fields as a save's do. */
    public LevelPreviewResponse preview(CallContext call, UUID replaces, @Valid @NotNull LevelRequest request) {
        LevelService.Proposal proposal = levels.propose(call, replaces, request);
        Ladder ladder = proposal.after();
        var statement = new LadderFactsStatement(ladder, Instant.now());
        String tenantId = call.tenantId().toString();
        // Members per level id, now and by the proposed rules; the null key counts those on no level.
        Map<UUID, Long> now = new HashMap<>();
        Map<UUID, Long> would = new HashMap<>();
        long undecided = 0;
        for (var page = statement.page(em, tenantId, new UUID(0, 0), pageSize, false); page != null;
                page = statement.page(em, tenantId, page.span().last(), pageSize, false)) {
            for (LadderFactsStatement.Row row : page.rows()) {
                count(now, row.state().effective(proposal.before(), statement.asOf()));
                Earned earned = earned(ladder, statement, row);
                count(would, earned.level());
                undecided += earned.decided() ? 0 : 1;
            }
        }
        UUID unsaved = proposal.added() ? proposal.level().id() : null;
        List<LevelPreviewResponse.LevelCount> counts = ladder.rungs().stream()
                .map(r -> new LevelPreviewResponse.LevelCount(r.id().equals(unsaved) ? null : r.id(), r.name(), r.rank(),
                        now.getOrDefault(r.id(), 0L), would.getOrDefault(r.id(), 0L)))
                .toList();
        return new LevelPreviewResponse(LevelPreviewResponse.Basis.EARNED_RULES, statement.asOf(), counts,
                new LevelPreviewResponse.NoLevel(now.getOrDefault(null, 0L), would.getOrDefault(null, 0L)), undecided);
    }

    /** The level a member's facts earn, and whether the facts decide it without a plugin's metric. */
    private record Earned(Rung level, boolean decided) {
    }

    /**
     * The best level whose upgrade and retention rules the member's facts meet, as a review decides
     * an upgrade. Plugins are not asked: when the answer turns on a plugin's metric (the best level
     * with every plugin threshold unmet differs from the best with every one met), the member keeps
     * the level earned, as a review does while the plugin cannot answer, within those two.
     */
    private static Earned earned(Ladder ladder, LadderFactsStatement statement, LadderFactsStatement.Row row) {
        MemberFacts facts = MemberFacts.preloadedWithoutPlugins(row.memberId(), statement.asOf(), row.facts());
        Rung surely = best(ladder, facts);
        if (!statement.readsPluginMetrics()) {
            return new Earned(surely, true);
        }
        // The facts a retention rule reads count a plugin metric nobody can read as met.
        Rung perhaps = best(ladder, facts.forRetention());
        if (Objects.equals(perhaps, surely)) {
            return new Earned(surely, true);
        }
        Rung kept = Ladder.higher(surely, ladder.byId(row.state().levelId()));
        return new Earned(kept != null && kept.rank() > perhaps.rank() ? perhaps : kept, false);
    }

    private static Rung best(Ladder ladder, MemberFacts facts) {
        MemberLevels.Upgrade best = MemberLevels.upgrade(ladder, null, facts);
        return best == null ? null : best.level();
    }

    private static void count(Map<UUID, Long> counts, Rung level) {
        counts.merge(level == null ? null : level.id(), 1L, Long::sum);
    }
}

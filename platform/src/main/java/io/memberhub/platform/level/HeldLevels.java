package io.memberhub.platform.level;

/**
 * The level each member holds now, as SQL for statements over many members: the better of the
 * earned level and a paid one still running, as {@link MemberLevelState#effective} decides it for one.
 * The level list's member counts and the dashboard's level distribution read it from here, so they agree.
 */
public final class HeldLevels {

    private HeldLevels() {
    }

    /**
     * A query with rows {@code (member_id, level_id)} for the tenant named by the SQL expression
     * {@code tenant}; {@code level_id} is null for a member with a row but no level. Members without a
     * {@code member_level} row have no row here, and soft-deleted members are not left out.
     */
    public static String select(String tenant) {
        return """
                select m.member_id,
                       case when m.paid_until > now() and (e.rank is null or p.rank > e.rank)
                            then m.paid_level_id else m.level_id end as level_id
                from member_level m
                left join level e on e.tenant_id = m.tenant_id and e.id = m.level_id
                left join level p on p.tenant_id = m.tenant_id and p.id = m.paid_level_id
                where m.tenant_id = %s""".formatted(tenant);
    }
}

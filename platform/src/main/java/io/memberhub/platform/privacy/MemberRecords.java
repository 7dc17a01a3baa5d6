package io.memberhub.platform.privacy;

import io.memberhub.platform.export.ExportScope;
import io.memberhub.platform.export.TenantTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where a member's rows are, found from the catalog like the tenant export's tables: every exported
 * tenant table with a {@code member_id} column or a foreign key to the member, every table whose rows
 * hang off such a table by a foreign key (an order's refunds, a ledger line's lot allocations), and
 * the tables that remember the member's phone (sign-in codes and failed sign-ins). A table added
 * later that names the member the same way is part of the member's export without more code.
 */
final class MemberRecords {

    private static final String MEMBER = "public.member";

    /** A query for one table's rows about the member, with the values to bind in order. */
    record Query(TenantTable table, String sql, List<Object> parameters) {
    }

    private MemberRecords() {
    }

    static List<Query> of(List<TenantTable> tables, UUID memberId, String phone) {
        Map<String, TenantTable> byName = tables.stream().collect(Collectors.toMap(t -> t.schema() + "." + t.name(), t -> t));
        List<Query> queries = new ArrayList<>();
        for (TenantTable table : tables) {
            String qualified = table.schema() + "." + table.name();
            if (qualified.equals(MEMBER) || !ExportScope.exported(table)) {
                continue;
            }
            Set<String> conditions = new LinkedHashSet<>();
            List<Object> parameters = new ArrayList<>();
            table.column("member_id").ifPresent(column -> {
                conditions.add(memberIdEquals(column));
                parameters.add(column.type().equals("uuid") ? memberId : memberId.toString());
            });
            for (TenantTable.ForeignKey key : table.parents()) {
                Optional<String> through = throughParent(key, byName.get(key.parent()));
                if (through.isPresent() && conditions.add(through.get())) {
                    parameters.add(memberId);
                }
            }
            if (phone != null && table.column("phone").isPresent()) {
                conditions.add("phone = ?");
                parameters.add(phone);
            }
            if (!conditions.isEmpty()) {
                String orderBy = table.column("created_at").isPresent() ? "created_at" : "";
                queries.add(new Query(table, ExportScope.rowsAsJson(table, "(" + String.join(") or (", conditions) + ")", orderBy),
                        List.copyOf(parameters)));
            }
        }
        return queries;
    }

    private static String memberIdEquals(TenantTable.Column column) {
        return column.type().equals("uuid") ? "member_id = ?" : "member_id = ?::text";
    }

    /**
     * The condition for rows whose foreign key leads to the member (a referrer column, say) or to a
     * row of a table that has the member's id ({@code order_refund} to {@code member_order}); empty
     * for any other key.
     */
    private static Optional<String> throughParent(TenantTable.ForeignKey key, TenantTable parent) {
        if (parent == null || key.columns().size() != 2 || !key.columns().getFirst().equals("tenant_id")) {
            return Optional.empty();
        }
        String column = TenantTable.quote(key.columns().get(1));
        if (key.parent().equals(MEMBER)) {
            return key.columns().get(1).equals("member_id") ? Optional.empty() : Optional.of(column + " = ?");
        }
        if (parent.column("member_id").filter(c -> c.type().equals("uuid")).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(column + " in (select " + TenantTable.quote(key.parentColumns().get(1)) + " from "
                + parent.sqlName() + " where member_id = ?)");
    }
}

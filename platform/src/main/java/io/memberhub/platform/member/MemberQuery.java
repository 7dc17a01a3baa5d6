package io.memberhub.platform.member;

import java.util.Map;

/**
 * A member search: free text {@code q} (phone prefix or part of the name), exact filters, custom
 * field values, tags the members must all carry, and a page.
 */
public record MemberQuery(String q, String phone, String name, Gender gender, String source,
                          Map<String, String> fields, java.util.List<java.util.UUID> tags, int page, int size, SortKey sort, boolean descending) {

    public static final int MAX_PAGE_SIZE = 200;

    /** The orderings offered; each maps to an indexed or cheap column. */
    public enum SortKey {
        createdAt("created_at"), name("lower(name)"), phone("phone"), birthday("birthday");

        final String column;

        SortKey(String column) {
            this.column = column;
        }
    }
}

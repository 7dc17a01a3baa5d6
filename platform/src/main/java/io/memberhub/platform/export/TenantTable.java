package io.memberhub.platform.export;

import java.util.List;
import java.util.Optional;

/**
 * A table that holds tenants' rows (it has a {@code tenant_id} column), as the database catalog
 * describes it: the platform's own ({@code public}) or a plugin's ({@code plugin_data}).
 *
 * @param columns  every column, in table order
 * @param parents  foreign keys to other tables, for finding rows that belong to a member through a parent row
 */
public record TenantTable(String schema, String name, List<Column> columns, List<ForeignKey> parents) {

    public record Column(String name, String type) {
    }

    /** {@code columns} of this table reference {@code parentColumns} of {@code parent} (schema-qualified). */
    public record ForeignKey(List<String> columns, String parent, List<String> parentColumns) {
    }

    /** {@code member} for the platform's tables, {@code plugin_data.gym_presence} for a plugin's. */
    public String qualifiedName() {
        return schema.equals("public") ? name : schema + "." + name;
    }

    /** The name to use in SQL, quoted. */
    public String sqlName() {
        return quote(schema) + "." + quote(name);
    }

    public Optional<Column> column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

package io.memberhub.platform.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin migration's SQL: split into statements (quotes, dollar quotes and comments respected)
 * and checked against what a plugin migration may do. The check is a first line of defence, made
 * when the package is installed; the database role the migration runs as and the host's check of
 * the catalog afterwards are what enforce isolation.
 */
final class SqlScript {

    /** Statements a migration may start with. */
    private static final Set<String> ALLOWED = Set.of("create", "alter", "insert", "update", "delete", "comment");
    /**
     * Words a migration may not use anywhere outside strings: dropping or renaming shared tables
     * (other merchants' data), rights, roles, row-level security, code that runs as someone else,
     * other schemas, transaction control.
     */
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(drop|truncate|rename|grant|revoke|role|authorization|owner|policy|"
            + "security|function|procedure|trigger|rule|extension|schema|tablespace|set_config|commit|rollback|savepoint|copy)\\b");
    /** Tables are shared by every merchant and each merchant runs the migration: creating must not fail the second time. */
    private static final Pattern CREATE = Pattern.compile("^create\\s+(table|index|unique\\s+index|sequence)\\s+if\\s+not\\s+exists\\b.*",
            Pattern.DOTALL);

    private SqlScript() {
    }

    /** The statements of a script, each without its closing semicolon; empty ones left out. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                current.append(' ');
            } else if (c == '\'' || c == '"') {
                int end = closing(sql, i, String.valueOf(c));
                current.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? sql.length() : end + tag.length();
                current.append(sql, i, end);
                i = end;
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    /** What is wrong with a statement for a plugin migration, or null when nothing is. */
    static String problem(String statement) {
        String shape = withoutLiterals(statement).toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        String first = shape.split(" ", 2)[0];
        if (!ALLOWED.contains(first)) {
            return "starts with " + first.toUpperCase(Locale.ROOT) + "; a plugin migration may only CREATE, ALTER, INSERT, UPDATE, "
                    + "DELETE and COMMENT";
        }
        Matcher forbidden = FORBIDDEN.matcher(shape);
        if (forbidden.find()) {
            return "uses " + forbidden.group(1).toUpperCase(Locale.ROOT) + ", which a plugin migration may not";
        }
        if (first.equals("create") && !CREATE.matcher(shape).matches()) {
            return "creates without IF NOT EXISTS; a plugin migration runs once per merchant on tables all merchants share, "
                    + "and may create only tables, indexes and sequences";
        }
        return null;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().trim();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    private static int closing(String sql, int start, String quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.startsWith(quote, i)) {
                if (sql.startsWith(quote + quote, i)) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static String dollarTag(String sql, int start) {
        Matcher tag = Pattern.compile("\\$[A-Za-z_]*\\$").matcher(sql).region(start, sql.length());
        return tag.lookingAt() ? tag.group() : null;
    }

    /** The statement with string literals and dollar-quoted bodies blanked, so that words inside them do not count. */
    private static String withoutLiterals(String statement) {
        StringBuilder shape = new StringBuilder();
        int i = 0;
        while (i < statement.length()) {
            char c = statement.charAt(i);
            if (c == '\'') {
                i = closing(statement, i, "'");
                shape.append("''");
            } else if (c == '$' && dollarTag(statement, i) != null) {
                String tag = dollarTag(statement, i);
                int end = statement.indexOf(tag, i + tag.length());
                i = end < 0 ? statement.length() : end + tag.length();
                shape.append(" $$ ");
            } else {
                shape.append(c);
                i++;
            }
        }
        return shape.toString();
    }
}

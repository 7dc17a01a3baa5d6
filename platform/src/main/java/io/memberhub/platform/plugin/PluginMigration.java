package io.memberhub.platform.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One migration a plugin ships for its own tables: {@code META-INF/memberhub/migrations/V<n>__<what>.sql}
 * in its jar, applied in order of {@code n} for each merchant that enables (or upgrades to) a
 * version shipping it.
 */
record PluginMigration(int version, String description, List<String> statements, String checksum) {

    static final String DIR = "META-INF/memberhub/migrations/";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(DIR) + "V(\\d{1,6})__([A-Za-z0-9_]{1,100})\\.sql");

    /**
     * The migrations in a plugin jar, checked statement by statement; refused (422 PLUGIN_REFUSED)
     * with the file and statement when one is misnamed, numbered twice or does what a plugin
     * migration may not.
     */
    static List<PluginMigration> in(Path jar) {
        List<PluginMigration> migrations = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().filter(e -> e.getName().startsWith(DIR) && !e.isDirectory()).toList()) {
                Matcher name = NAME.matcher(entry.getName());
                if (!name.matches()) {
                    throw PluginHost.refused("Migration " + entry.getName() + " is not named V<number>__<what>.sql");
                }
                String sql = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                List<String> statements = SqlScript.statements(sql);
                for (String statement : statements) {
                    String problem = SqlScript.problem(statement);
                    if (problem != null) {
                        throw PluginHost.refused("Migration " + entry.getName() + " is not allowed: \"" + abbreviated(statement) + "\" "
                                + problem);
                    }
                }
                migrations.add(new PluginMigration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), statements, sha256(sql)));
            }
        } catch (IOException e) {
            throw PluginHost.refused("The package could not be read: " + e.getMessage());
        }
        migrations.sort(Comparator.comparingInt(PluginMigration::version));
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).version() == migrations.get(i - 1).version()) {
                throw PluginHost.refused("Two migrations are numbered V" + migrations.get(i).version());
            }
        }
        return List.copyOf(migrations);
    }

    /** The table-name prefix a plugin owns: its id with every character other than a-z and 0-9 as '_', then '_'. */
    static String tablePrefix(String pluginId) {
        return pluginId.replaceAll("[^a-z0-9]", "_") + "_";
    }

    private static String abbreviated(String statement) {
        String line = statement.replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    private static String sha256(String sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

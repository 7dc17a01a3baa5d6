package io.memberhub.platform.plugin;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tables the shipped plugins' migrations create, made in this database: each plugin under
 * {@code plugins/} that ships migrations is built as a test plugin carrying those migrations (under
 * an id of its own, so the real plugin's id stays free, with its tables renamed to that id's prefix)
 * and enabled for a merchant, which runs them as the host runs any plugin's migrations.
 */
public final class ShippedPluginTables {

    /** A shipped plugin whose migrations ran here: its id, the stand-in's id, and the prefix its tables got. */
    public record Created(String pluginId, String standInId, String tablePrefix) {
    }

    private static final String NO_OP = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.event.spi.EventListener;
            import io.memberhub.plugin.api.event.spi.PlatformEvent;
            public class Tables implements EventListener {
                public void onEvent(PlatformEvent event, PluginContext context) {
                }
            }
            """;

    private ShippedPluginTables() {
    }

    /** Creates the tables of every shipped plugin with migrations under {@code plugins}. */
    public static List<Created> create(PluginHost host, Path plugins, Path build) throws IOException {
        Merchant merchant = Merchants.signUp("shipped-tables");
        List<Created> created = new ArrayList<>();
        try (Stream<Path> modules = Files.list(plugins)) {
            for (Path module : modules.sorted().toList()) {
                Path migrations = module.resolve("src/main/resources").resolve(PluginMigration.DIR);
                if (Files.isDirectory(migrations)) {
                    created.add(create(host, merchant, module.getFileName().toString(), migrations, build));
                }
            }
        }
        return created;
    }

    private static Created create(PluginHost host, Merchant merchant, String pluginId, Path migrations, Path build) throws IOException {
        String standIn = "shipped-" + pluginId;
        String prefix = PluginMigration.tablePrefix(pluginId);
        String standInPrefix = PluginMigration.tablePrefix(standIn);
        TestPlugins.Spec spec = TestPlugins.Spec.of(standIn, "Tables", NO_OP);
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                spec = spec.withFile(PluginMigration.DIR + file.getFileName(), Files.readString(file).replace(prefix, standInPrefix));
            }
        }
        host.install(TestPlugins.build(build, spec));
        MerchantPlugins.enable(merchant, standIn, null, Map.of()).statusCode(200);
        return new Created(pluginId, standIn, standInPrefix);
    }
}

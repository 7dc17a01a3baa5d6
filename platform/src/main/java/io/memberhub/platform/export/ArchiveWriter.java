package io.memberhub.platform.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberhub.platform.plugin.ExportedSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes a tenant's archive: one JSON Lines file per exported tenant table ({@code member.jsonl},
 * {@code plugin_data/gym_presence.jsonl}), then {@code manifest.json} with the tenant, the snapshot's
 * time, the schema version, and each file's row count and SHA-256. Rows stream from the database to
 * the ZIP; no table is ever held in memory.
 *
 * <p>JSON Lines rather than CSV: jsonb columns (addresses, custom fields, rules, event payloads) stay
 * nested JSON instead of JSON quoted inside CSV, arrays stay arrays, null stays apart from the empty
 * string, numbers stay numbers, and every row is one line, so a file can be read a line at a time.
 */
@ApplicationScoped
class ArchiveWriter {

    static final int FORMAT_VERSION = 1;

    /** How far the archive got; answers false when the work is no longer this writer's, which stops it. */
    interface Progress {
        boolean report(Map<String, Long> rows, int tablesTotal);
    }

    /** The work was taken over by another worker (its lease ran out); what was written is to be thrown away. */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the export's lease was lost", null, false, false);
        }
    }

    /** What was written: rows per table, the schema version, and the archive's size and SHA-256. */
    record Written(Map<String, Long> rows, String schemaVersion, long bytes, String sha256) {
    }

    /** Progress is reported at least this often while rows flow (it also keeps the worker's lease). */
    private static final long REPORT_EVERY_NANOS = 5_000_000_000L;

    @Inject
    ObjectMapper json;

    @Inject
    ExportedSettings settings;

    @ConfigProperty(name = "quarkus.flyway.table", defaultValue = "flyway_schema_history")
    String flywayTable;

    Written write(TenantSnapshot snapshot, UUID exportId, OutputStream target, Progress progress) throws Exception {
        MessageDigest archiveDigest = sha256();
        Counting counted = new Counting(new BufferedOutputStream(target, 1 << 16), archiveDigest);
        List<TenantTable> tables = snapshot.tables().stream().filter(ExportScope::exported).toList();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Object> files = new LinkedHashMap<>();
        String schemaVersion = snapshot.single("select version from " + TenantTable.quote(flywayTable)
                + " where success and version is not null order by installed_rank desc limit 1");
        try (ZipOutputStream zip = new ZipOutputStream(counted, StandardCharsets.UTF_8)) {
            for (TenantTable table : tables) {
                String file = table.qualifiedName().replace('.', '/') + ".jsonl";
                zip.putNextEntry(new ZipEntry(file));
                MessageDigest fileDigest = sha256();
                rows.put(table.qualifiedName(), 0L);
                long[] lastReport = {System.nanoTime()};
                long written = snapshot.stream(ExportScope.rowsAsJson(table, "tenant_id = ?", ""), List.of(snapshot.tenantId()), row -> {
                    byte[] line = (filtered(table, row) + "\n").getBytes(StandardCharsets.UTF_8);
                    fileDigest.update(line);
                    zip.write(line);
                    rows.merge(table.qualifiedName(), 1L, Long::sum);
                    if (System.nanoTime() - lastReport[0] > REPORT_EVERY_NANOS) {
                        report(progress, rows, tables.size());
                        lastReport[0] = System.nanoTime();
                    }
                });
                zip.closeEntry();
                files.put(table.qualifiedName(), Map.of("file", file, "rows", written, "sha256", HexFormat.of().formatHex(fileDigest.digest())));
                report(progress, rows, tables.size());
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(snapshot, exportId, schemaVersion, files)));
            zip.closeEntry();
        }
        return new Written(rows, schemaVersion, counted.bytes, HexFormat.of().formatHex(archiveDigest.digest()));
    }

    private Map<String, Object> manifest(TenantSnapshot snapshot, UUID exportId, String schemaVersion, Map<String, Object> files)
            throws Exception {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "memberhub-tenant-export");
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("exportId", exportId);
        manifest.put("tenant", json.readTree(snapshot.single(
                "select row_to_json(t)::text from (select id, slug, name, created_at from tenant where id = ?) t", snapshot.tenantId())));
        // The snapshot's own time: every row in the archive is as it stood at this instant.
        manifest.put("createdAt", snapshot.single("select to_json(now()) #>> '{}'"));
        manifest.put("schemaVersion", schemaVersion);
        manifest.put("rowFormat", "JSON Lines (UTF-8): one JSON object per row, keys are the table's column names, times in UTC");
        manifest.put("tables", files);
        manifest.put("excluded", Map.of(
                "tables", ExportScope.EXCLUDED_TABLES,
                "columns", ExportScope.SECRET_COLUMNS,
                "values", Map.of("tenant_plugin.config", "settings of type SECRET, and any value stored sealed")));
        return manifest;
    }

    /** A plugin's stored settings lose their secrets; every other row is written as the database wrote it. */
    private String filtered(TenantTable table, String row) throws IOException {
        if (!table.qualifiedName().equals("tenant_plugin")) {
            return row;
        }
        ObjectNode node = (ObjectNode) json.readTree(row);
        Map<String, Object> config = json.convertValue(node.get("config"), new TypeReference<>() {
        });
        node.set("config", json.valueToTree(settings.withoutSecrets(node.path("plugin_id").asText(), node.path("version").asText(),
                config == null ? Map.of() : config)));
        return json.writeValueAsString(node);
    }

    private static void report(Progress progress, Map<String, Long> rows, int tablesTotal) {
        if (!progress.report(rows, tablesTotal)) {
            throw new Abandoned();
        }
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    /** Counts and hashes every byte that reaches the archive file. */
    private static final class Counting extends FilterOutputStream {
        private final MessageDigest digest;
        long bytes;

        Counting(OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }
    }
}

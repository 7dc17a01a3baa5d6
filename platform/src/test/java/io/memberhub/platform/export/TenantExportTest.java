package io.memberhub.platform.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class TenantExportTest {

    /** Column names that suggest a secret: each must be left out of exports, or be named here with why it is not one. */
    private static final Pattern SECRET_LOOKING = Pattern.compile(".*(secret|password|private_key|hash|token|credential).*");
    private static final Map<String, String> NOT_SECRETS = Map.of(
            "plugin_data.gate_api_check.credential", "the member code or card a gate read: the merchant's own record of a check");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path build;

    @Inject
    ExportQueue queue;

    @Inject
    ExportWorker worker;

    @ConfigProperty(name = "memberhub.exports.dir")
    String exportsDir;

    @Test
    void theOwnerTakesHomeEveryTableOfTheMerchantWithoutSecretsAndNothingOfAnother() throws Exception {
        Merchant a = Merchants.signUp("export");
        MerchantData.Filled data = MerchantData.fill(a, build);
        Merchant b = Merchants.signUp("export-other");
        String bMember = b.member(MerchantData.phone());
        b.order(bMember, "other-" + UUID.randomUUID(), 5_000, Instant.now().minusSeconds(60));

        String admin = Merchants.staffToken(a, "admin");
        Merchants.as(admin).header("Idempotency-Key", "x").post("/api/v1/exports").then().statusCode(403);
        Merchants.as(admin).get("/api/v1/exports").then().statusCode(403);
        a.asOwner().post("/api/v1/exports").then().statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));

        String key = UUID.randomUUID().toString();
        String id = a.asOwner().header("Idempotency-Key", key).post("/api/v1/exports").then().statusCode(202)
                .header("Idempotent-Replayed", "false").extract().path("id");
        a.asOwner().header("Idempotency-Key", key).post("/api/v1/exports").then().statusCode(202)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        b.asOwner().get("/api/v1/exports/" + id).then().statusCode(404).body("code", equalTo("EXPORT_NOT_FOUND"));
        JsonPath job = Exports.awaitDone(a, id);
        b.asOwner().accept("*/*").get("/api/v1/exports/" + id + "/archive").then().statusCode(404);

        byte[] archive = Exports.download(a, id);
        assertThat(sha256(archive)).isEqualTo(job.getString("archiveSha256"));
        assertThat((long) archive.length).isEqualTo(job.getLong("archiveBytes"));
        Map<String, byte[]> files = Exports.unzip(archive);
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.at("/tenant/id").asText()).isEqualTo(a.id());
        assertThat(manifest.at("/tenant/slug").asText()).isEqualTo(a.slug());
        assertThat(manifest.get("schemaVersion").asText()).isEqualTo(latestMigration(a)).isEqualTo(job.getString("schemaVersion"));

        // Every tenant table in the catalog is in the archive or excluded by name, never both.
        Set<String> exported = new TreeSet<>();
        manifest.get("tables").fieldNames().forEachRemaining(exported::add);
        Set<String> catalog = tenantTables(a);
        Set<String> accounted = new TreeSet<>(exported);
        accounted.addAll(ExportScope.EXCLUDED_TABLES.keySet());
        assertThat(accounted).as("tenant tables exported or excluded").containsAll(catalog);
        assertThat(exported).as("nothing excluded is exported").doesNotContainAnyElementsOf(ExportScope.EXCLUDED_TABLES.keySet());
        assertThat(exported).containsAll(catalog.stream().filter(t -> !ExportScope.EXCLUDED_TABLES.containsKey(t)).toList());

        // Counts and hashes match the files; every row is this merchant's; the job's progress says the same.
        List<String> empty = new ArrayList<>();
        for (String table : exported) {
            JsonNode entry = manifest.at("/tables/" + table);
            byte[] file = files.get(entry.get("file").asText());
            assertThat(file).as(table + " has its file").isNotNull();
            assertThat(sha256(file)).as(table + " hash").isEqualTo(entry.get("sha256").asText());
            List<String> lines = lines(file);
            assertThat((long) lines.size()).as(table + " row count").isEqualTo(entry.get("rows").asLong());
            assertThat(job.getLong("progress.'" + table + "'")).as(table + " progress").isEqualTo(lines.size());
            for (String line : lines) {
                assertThat(JSON.readTree(line).get("tenant_id").asText()).as(table + " row's tenant").isEqualTo(a.id());
            }
            if (lines.isEmpty() && !table.startsWith("plugin_data.")) {
                empty.add(table);
            }
        }
        assertThat(empty).as("platform tables without a row of the merchant (add them to MerchantData)").isEmpty();

        String everything = files.values().stream().map(f -> new String(f, StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
        assertThat(everything).doesNotContain(b.id()).doesNotContain(bMember);
        for (String secret : data.secrets()) {
            assertThat(secret).isNotBlank().isNotEqualTo("null");
            assertThat(everything).as("a secret in the archive").doesNotContain(secret);
        }
        assertThat(everything).doesNotContain("plugin-storage-token-");

        JsonNode alice = rows(files, "member.jsonl").stream().filter(r -> r.get("id").asText().equals(data.alice())).findFirst().orElseThrow();
        assertThat(alice.at("/custom_fields/allergies").asText()).as("jsonb stays nested JSON").isEqualTo("peanuts");
        assertThat(alice.at("/addresses/0/detail").asText()).isEqualTo("1 Peach Garden Road");
        JsonNode plugin = rows(files, "tenant_plugin.jsonl").getFirst();
        assertThat(plugin.at("/config/perOrder").asText()).isEqualTo("1");
        assertThat(plugin.get("config").has("apiSecret")).as("the SECRET setting is left out").isFalse();
        assertThat(rows(files, "webhook_subscription.jsonl").getFirst().has("secret")).isFalse();
        assertThat(rows(files, "member_erasure.jsonl")).hasSize(1);
    }

    @Test
    void everyColumnThatLooksLikeASecretIsLeftOutOrKnownNotToBeOne() {
        Merchant m = Merchants.signUp("export-columns");
        List<String> suspicious = TenantSql.query(m.id(), """
                        select n.nspname || '.' || c.relname as tbl, a.attname as col
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                        where c.relkind in ('r', 'p') and n.nspname in ('public', 'plugin_data')
                          and exists (select 1 from pg_attribute t where t.attrelid = c.oid and t.attname = 'tenant_id')""")
                .stream()
                .map(r -> ((String) r.get("tbl")).replaceFirst("^public\\.", "") + "." + r.get("col"))
                .filter(column -> SECRET_LOOKING.matcher(column.substring(column.lastIndexOf('.') + 1)).matches())
                .filter(column -> !ExportScope.EXCLUDED_TABLES.containsKey(column.substring(0, column.lastIndexOf('.'))))
                .filter(column -> !ExportScope.SECRET_COLUMNS.containsKey(column) && !NOT_SECRETS.containsKey(column))
                .toList();
        assertThat(suspicious).as("columns named like secrets that an export would write out").isEmpty();
    }

    @Test
    void twoWorkersClaimingAtOnceNeverGetTheSameJob() throws Exception {
        List<Merchant> merchants = List.of(Merchants.signUp("export-claim"), Merchants.signUp("export-claim"), Merchants.signUp("export-claim"));
        Map<String, String> mine = new ConcurrentHashMap<>();
        for (Merchant m : merchants) {
            String job = UUID.randomUUID().toString();
            // Queued long ago, so a claim takes these before anything else waiting.
            TenantSql.update(m.id(), "insert into export_job (tenant_id, id, status, requested_by, created_at) "
                    + "values (current_setting('app.tenant_id'), ?::uuid, 'QUEUED', 'test', timestamptz '2000-01-01')", job);
            mine.put(job, m.id());
        }
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<ExportQueue.Claim>>> workers = new ArrayList<>();
            for (String name : List.of("worker-one", "worker-two")) {
                workers.add(threads.submit(() -> {
                    start.await();
                    List<ExportQueue.Claim> claimed = new ArrayList<>();
                    for (Optional<ExportQueue.Claim> c = queue.claim(name, Duration.ofMinutes(5)); c.isPresent();
                         c = queue.claim(name, Duration.ofMinutes(5))) {
                        claimed.add(c.get());
                    }
                    return claimed;
                }));
            }
            List<ExportQueue.Claim> one = workers.get(0).get();
            List<ExportQueue.Claim> two = workers.get(1).get();
            Set<UUID> byOne = one.stream().map(ExportQueue.Claim::jobId).collect(Collectors.toSet());
            Set<UUID> byTwo = two.stream().map(ExportQueue.Claim::jobId).collect(Collectors.toSet());
            // One worker may well claim every job (AssertJ refuses an empty set to compare against): compare the overlap.
            Set<UUID> both = new HashSet<>(byOne);
            both.retainAll(byTwo);
            assertThat(both).as("jobs both workers claimed").isEmpty();
            Set<String> claimed = new TreeSet<>();
            byOne.forEach(j -> claimed.add(j.toString()));
            byTwo.forEach(j -> claimed.add(j.toString()));
            assertThat(claimed).containsAll(mine.keySet());
            for (var job : mine.entrySet()) {
                Map<String, Object> row = TenantSql.query(job.getValue(), "select status, attempts from export_job where id = ?::uuid", job.getKey())
                        .getFirst();
                assertThat(row.get("status")).isEqualTo("RUNNING");
                assertThat(row.get("attempts")).as("claimed exactly once").isEqualTo(1);
            }
            // Others' jobs a worker happened to take go back to the queue; ours end here.
            for (ExportQueue.Claim c : concat(one, two)) {
                String sql = mine.containsKey(c.jobId().toString())
                        ? "update export_job set status = 'FAILED', error = 'claimed by a test', leased_by = null, leased_until = null where id = ?::uuid"
                        : "update export_job set status = 'QUEUED', attempts = attempts - 1, leased_by = null, leased_until = null where id = ?::uuid";
                TenantSql.update(c.tenantId().toString(), sql, c.jobId().toString());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anArchivePastItsRetentionIsDeletedAndGone() throws IOException {
        Merchant m = Merchants.signUp("export-expiry");
        m.member(MerchantData.phone());
        String id = Exports.exportAndWait(m).getString("id");
        Path file = Path.of(exportsDir).toAbsolutePath().resolve(m.id()).resolve(id + ".zip");
        assertThat(file).exists();
        assertThat(Exports.unzip(Exports.download(m, id))).containsKey("member.jsonl");

        TenantSql.update(m.id(), "update export_job set expires_at = now() - interval '1 minute' where id = ?::uuid", id);
        m.asOwner().accept("*/*").get("/api/v1/exports/" + id + "/archive").then().statusCode(410).body("code", equalTo("EXPORT_EXPIRED"));
        assertThat(worker.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(file).doesNotExist();
        m.asOwner().get("/api/v1/exports/" + id).then().statusCode(200).body("status", equalTo("EXPIRED")).body("archiveUrl", equalTo(null));
        m.asOwner().accept("*/*").get("/api/v1/exports/" + id + "/archive").then().statusCode(410).body("code", equalTo("EXPORT_EXPIRED"));
        assertThat(Files.list(file.getParent()).toList()).as("no partial files left behind").isEmpty();
    }

    private static Set<String> tenantTables(Merchant m) {
        return TenantSql.query(m.id(), """
                        select distinct n.nspname || '.' || c.relname as tbl
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                        where c.relkind in ('r', 'p') and not c.relispartition and n.nspname in ('public', 'plugin_data')""")
                .stream().map(r -> ((String) r.get("tbl")).replaceFirst("^public\\.", "")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String latestMigration(Merchant m) {
        return (String) TenantSql.query(m.id(), "select version from flyway_schema_history where success and version is not null "
                + "order by installed_rank desc limit 1").getFirst().get("version");
    }

    private static List<String> lines(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static List<JsonNode> rows(Map<String, byte[]> files, String file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : lines(files.get(file))) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private static <T> List<T> concat(List<T> one, List<T> two) {
        List<T> all = new ArrayList<>(one);
        all.addAll(two);
        return all;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

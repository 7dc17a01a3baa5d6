package io.memberhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart as a cluster would receive it: {@code helm lint}, {@code helm template} for the default
 * values, the production-like values and every optional part switched on, each rendered object
 * validated against the Kubernetes schemas, and the things that matter asserted on the objects.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("memberhub");
    private static final Path PRODUCTION = Path.of("values-production.yaml");
    private static final Path REPO = Path.of("..");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRETISH = Pattern.compile("PASSWORD|SECRET|_KEY$|JAAS|TOKEN");

    private static ChartTools tools;

    @BeforeAll
    static void tools() throws Exception {
        tools = ChartTools.obtain();
    }

    @Test
    void lintsCleanWithEveryValuesFile() throws Exception {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("-f", PRODUCTION.toString()))) {
            List<String> command = new ArrayList<>(List.of("lint", "--strict", CHART.toString()));
            command.addAll(args);
            ChartTools.Result lint = tools.helm(command.toArray(String[]::new));
            assertThat(lint.exit()).as("helm %s\n%s", String.join(" ", command), lint.output()).isZero();
        }
    }

    @Test
    void defaultValuesRenderABundledKeycloakAndGeneratedSecrets() throws Exception {
        List<JsonNode> objects = render("default");
        commonRules(objects);

        JsonNode keycloak = one(objects, "Deployment", "memberhub-keycloak");
        JsonNode container = keycloak.at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).as("the Keycloak the launcher and tests run")
                .isEqualTo("quay.io/keycloak/keycloak:" + rootPomProperty("keycloak.version"));
        assertThat(texts(container.path("args"))).contains("start", "--import-realm");

        // The realm is the launcher's, its client secrets placeholders Keycloak fills from Secret-backed env.
        JsonNode realm = JSON.readTree(one(objects, "ConfigMap", "memberhub-keycloak-realm").at("/data/memberhub-realm.json").asText());
        JsonNode launcherRealm = JSON.readTree(REPO.resolve("launcher/src/main/resources/memberhub-realm.json").toFile());
        assertThat(realm.path("realm").asText()).isEqualTo(launcherRealm.path("realm").asText());
        assertThat(realm.path("clients").size()).isEqualTo(launcherRealm.path("clients").size());
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                String placeholder = client.path("secret").asText();
                assertThat(placeholder).matches("\\$\\{[A-Z_]+}");
                String variable = placeholder.substring(2, placeholder.length() - 1);
                assertThat(env(container, variable).at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("memberhub-secrets");
            }
            if (client.path("clientId").asText().equals("memberhub-console")) {
                assertThat(texts(client.path("redirectUris"))).containsExactly("http://localhost:8081/*");
            }
        }

        // The chart's Secret: a hook (so the migrations Job finds it), kept, every key the pods refer to.
        JsonNode secret = one(objects, "Secret", "memberhub-secrets");
        assertThat(secret.at("/metadata/annotations/helm.sh~1hook").asText()).contains("pre-install", "pre-upgrade");
        assertThat(secret.at("/metadata/annotations/helm.sh~1resource-policy").asText()).isEqualTo("keep");
        byte[] key = Base64.getDecoder().decode(new String(Base64.getDecoder().decode(secret.at("/data/secrets-key").asText()), StandardCharsets.UTF_8));
        assertThat(key).as("secrets-key: 32 random bytes, base64").hasSize(32);
        Set<String> keys = new HashSet<>();
        secret.path("data").fieldNames().forEachRemaining(keys::add);
        for (JsonNode ref : secretRefs(objects)) {
            assertThat(keys).as("Secret key %s", ref.path("key").asText()).contains(ref.path("key").asText());
        }
        // No generated secret value appears anywhere but in the Secret.
        String everythingElse = JSON.writeValueAsString(objects.stream().filter(o -> !o.path("kind").asText().equals("Secret")).toList());
        secret.path("data").forEach(value -> assertThat(everythingElse)
                .doesNotContain(new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8)));

        assertThat(kinds(objects)).doesNotContain("Ingress", "NetworkPolicy");

        // Observability by default: JSON logs, tenant-tagged metrics, no tracing, no scrape annotations.
        Properties platform = properties(one(objects, "ConfigMap", "memberhub-platform"));
        assertThat(platform.getProperty("quarkus.log.console.json.enabled")).isEqualTo("true");
        assertThat(properties(one(objects, "ConfigMap", "memberhub-console")).getProperty("quarkus.log.console.json.enabled")).isEqualTo("true");
        assertThat(platform.getProperty("memberhub.metrics.tenant-tag")).isEqualTo("true");
        assertThat(platform.stringPropertyNames()).noneMatch(name -> name.startsWith("quarkus.otel."));
        for (String component : List.of("platform", "console")) {
            assertThat(one(objects, "Deployment", "memberhub-" + component).at("/spec/template/metadata/annotations").has("prometheus.io/scrape"))
                    .isFalse();
        }
    }

    @Test
    void productionValuesUseExternalServicesAndTheirSecret() throws Exception {
        List<JsonNode> objects = render("production", "-f", PRODUCTION.toString());
        commonRules(objects);

        assertThat(kinds(objects)).doesNotContain("Secret");
        assertThat(objects).noneMatch(o -> o.at("/metadata/name").asText().contains("keycloak"));
        for (JsonNode ref : secretRefs(objects)) {
            assertThat(ref.path("name").asText()).isIn("memberhub-secrets", "memberhub-kafka");
        }
        JsonNode hpa = one(objects, "HorizontalPodAutoscaler", "memberhub-platform");
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");

        Properties platform = properties(one(objects, "ConfigMap", "memberhub-platform"));
        assertThat(platform.getProperty("quarkus.datasource.jdbc.url")).startsWith("jdbc:postgresql://citus-coordinator");
        assertThat(platform.getProperty("memberhub.events.transport")).isEqualTo("kafka");
        assertThat(platform.getProperty("kafka.bootstrap.servers")).isNotBlank();
        assertThat(platform.getProperty("quarkus.oidc.token.issuer")).isEqualTo("https://id.memberhub.example/realms/memberhub");
        assertThat(env(platformContainer(objects), "KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("memberhub-kafka");

        for (String component : List.of("platform", "console")) {
            JsonNode ingress = one(objects, "Ingress", "memberhub-" + component);
            assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotBlank();
            assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo("memberhub-" + component);
        }
        assertThat(objects.stream().filter(o -> o.path("kind").asText().equals("NetworkPolicy")).count()).isEqualTo(2);
    }

    @Test
    void everyOptionalPartRendersValid() throws Exception {
        List<JsonNode> objects = render("all-on",
                "--set", "keycloak.bundled.ingress.enabled=true",
                "--set", "keycloak.bundled.ingress.tls.enabled=true",
                "--set", "keycloak.bundled.ingress.tls.secretName=id-tls",
                "--set", "console.ingress.enabled=true",
                "--set", "platform.ingress.enabled=true",
                "--set", "networkPolicy.enabled=true",
                "--set", "kafka.enabled=true",
                "--set", "kafka.bootstrapServers=kafka:9092",
                "--set", "platform.autoscaling.enabled=false",
                "--set", "platform.market.persistence.existingClaim=shared-market",
                "--set", "observability.metrics.scrapeAnnotations=true",
                "--set", "observability.metrics.tenantTag=false",
                "--set", "observability.tracing.enabled=true",
                "--set", "observability.tracing.endpoint=http://otel-collector.observability:4318",
                "--set", "observability.tracing.protocol=http/protobuf",
                "--set", "logging.json=false");
        commonRules(objects);
        assertThat(kinds(objects)).doesNotContain("HorizontalPodAutoscaler", "PersistentVolumeClaim");
        assertThat(objects.stream().filter(o -> o.path("kind").asText().equals("NetworkPolicy")).count()).isEqualTo(3);
        assertThat(properties(one(objects, "ConfigMap", "memberhub-console")).getProperty("quarkus.oidc.token.issuer"))
                .isEqualTo("https://id.memberhub.example/realms/memberhub");
        assertThat(one(objects, "Deployment", "memberhub-platform").at("/spec/replicas").asInt()).isEqualTo(2);

        Properties platform = properties(one(objects, "ConfigMap", "memberhub-platform"));
        assertThat(platform.getProperty("quarkus.otel.sdk.disabled")).isEqualTo("false");
        assertThat(platform.getProperty("quarkus.otel.exporter.otlp.endpoint")).isEqualTo("http://otel-collector.observability:4318");
        assertThat(platform.getProperty("quarkus.otel.exporter.otlp.protocol")).isEqualTo("http/protobuf");
        assertThat(platform.getProperty("memberhub.metrics.tenant-tag")).isEqualTo("false");
        assertThat(platform.getProperty("quarkus.log.console.json.enabled")).isEqualTo("false");
        for (String component : List.of("platform", "console")) {
            JsonNode pod = one(objects, "Deployment", "memberhub-" + component).at("/spec/template");
            JsonNode annotations = pod.at("/metadata/annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
            assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
            assertThat(annotations.path("prometheus.io/port").asText()).as("%s: the container's port", component)
                    .isEqualTo(pod.at("/spec/containers/0/ports/0/containerPort").asText());
            // The scraper's namespace may reach the pods through the network policy.
            assertThat(one(objects, "NetworkPolicy", "memberhub-" + component).at("/spec/ingress/0/from").findValuesAsText("kubernetes.io/metadata.name"))
                    .contains("monitoring");
        }
    }

    @Test
    void tracingNeedsACollector() throws Exception {
        ChartTools.Result result = tools.helm("template", "memberhub", CHART.toString(), "--set", "observability.tracing.enabled=true");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("observability.tracing.endpoint is required");
    }

    @Test
    void refusesAMarketOnOnePodsDiskWithSeveralPods() throws Exception {
        ChartTools.Result result = tools.helm("template", "memberhub", CHART.toString(), "--set", "platform.market.persistence.enabled=false");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("ReadWriteMany");
    }

    /** What holds for every rendering. */
    private static void commonRules(List<JsonNode> objects) throws IOException {
        // Migrations: a pre-install/pre-upgrade hook Job running the platform image in init-and-exit mode.
        JsonNode job = one(objects, "Job", "memberhub-migrations");
        assertThat(job.at("/metadata/annotations/helm.sh~1hook").asText()).contains("pre-install", "pre-upgrade");
        JsonNode migrationsConfig = one(objects, "ConfigMap", "memberhub-migrations");
        assertThat(migrationsConfig.at("/metadata/annotations/helm.sh~1hook").asText()).contains("pre-install", "pre-upgrade");
        Properties migrations = properties(migrationsConfig);
        assertThat(migrations.getProperty("quarkus.init-and-exit")).isEqualTo("true");
        assertThat(migrations.getProperty("quarkus.flyway.migrate-at-start")).isEqualTo("true");
        assertThat(env(job.at("/spec/template/spec/containers/0"), "MEMBERHUB_MIGRATION_PASSWORD").at("/valueFrom/secretKeyRef/key").asText())
                .isEqualTo("db-owner-password");
        assertThat(job.at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo(platformContainer(objects).path("image").asText());

        // Serving pods never migrate and never hold the owner's password.
        Properties platform = properties(one(objects, "ConfigMap", "memberhub-platform"));
        assertThat(platform.getProperty("quarkus.flyway.migrate-at-start")).isEqualTo("false");
        assertThat(env(platformContainer(objects), "MEMBERHUB_MIGRATION_PASSWORD").isMissingNode()).isTrue();

        // Every property and variable the chart gives the services is one they read.
        assertReadBy("platform", platform, platformContainer(objects));
        JsonNode console = one(objects, "Deployment", "memberhub-console").at("/spec/template/spec/containers/0");
        assertReadBy("tenant-admin", properties(one(objects, "ConfigMap", "memberhub-console")), console);

        String workdir = dockerfileWorkdir("platform");
        for (JsonNode container : containers(objects)) {
            String name = container.path("name").asText();
            assertThat(container.at("/resources/requests/cpu").isMissingNode()).as("%s: cpu request", name).isFalse();
            assertThat(container.at("/resources/requests/memory").isMissingNode()).as("%s: memory request", name).isFalse();
            assertThat(container.at("/resources/limits/memory").isMissingNode()).as("%s: memory limit", name).isFalse();
            for (JsonNode env : container.path("env")) {
                if (SECRETISH.matcher(env.path("name").asText()).find()) {
                    assertThat(env.has("value")).as("%s: %s in plain env", name, env.path("name").asText()).isFalse();
                    assertThat(env.at("/valueFrom/secretKeyRef").isMissingNode()).as("%s: %s from a Secret", name, env.path("name").asText()).isFalse();
                }
            }
            if (!name.equals("keycloak")) {
                // Quarkus reads config/application.properties in the image's working directory.
                assertThat(texts(container.path("volumeMounts").findValues("mountPath"))).contains(workdir + "/config");
            }
            if (name.equals("platform") || name.equals("console")) {
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
                assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            }
        }
        // Those paths are served: both services have SmallRye Health at its default place.
        for (String module : List.of("platform", "tenant-admin")) {
            assertThat(Files.readString(REPO.resolve(module + "/pom.xml"))).contains("<artifactId>quarkus-smallrye-health</artifactId>");
            assertThat(Files.readString(REPO.resolve(module + "/src/main/resources/application.properties")))
                    .doesNotContain("quarkus.smallrye-health.root-path", "quarkus.http.non-application-root-path", "quarkus.management.enabled");
            assertThat(dockerfileWorkdir(module)).isEqualTo(workdir);
        }
        // Everything but hooks and the kept market volume belongs to the release; PDB and HPA find the platform.
        JsonNode pdb = one(objects, "PodDisruptionBudget", "memberhub-platform");
        JsonNode podLabels = one(objects, "Deployment", "memberhub-platform").at("/spec/template/metadata/labels");
        pdb.at("/spec/selector/matchLabels").properties().forEach(label ->
                assertThat(podLabels.path(label.getKey()).asText()).as("PDB selector %s", label.getKey()).isEqualTo(label.getValue().asText()));
        String hpaTarget = objects.stream().filter(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler"))
                .map(o -> o.at("/spec/scaleTargetRef/name").asText()).findFirst().orElse("memberhub-platform");
        assertThat(hpaTarget).isEqualTo("memberhub-platform");
    }

    /** Each memberhub.* property and MEMBERHUB_* variable is named in the module's configuration or code. */
    private static void assertReadBy(String module, Properties config, JsonNode container) throws IOException {
        Set<String> known = configNames(REPO.resolve(module + "/src/main"));
        List<String> given = new ArrayList<>(config.stringPropertyNames());
        container.path("env").forEach(e -> given.add(e.path("name").asText()));
        for (String name : given) {
            String normalized = normalize(name);
            if (normalized.startsWith("MEMBERHUB_")) {
                assertThat(known).as("%s: %s is read by no code or property of %s", module, name, module).contains(normalized);
            }
        }
    }

    private static Set<String> configNames(Path sources) throws IOException {
        Set<String> names = new HashSet<>();
        Pattern reference = Pattern.compile("(?:name\\s*=\\s*\"|\\$\\{)([a-z][a-z0-9.\\-]+)");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".properties")).toList()) {
                String text = Files.readString(file);
                Matcher m = reference.matcher(text);
                while (m.find()) {
                    names.add(normalize(m.group(1)));
                }
                if (file.toString().endsWith(".properties")) {
                    text.lines().map(String::strip).filter(l -> !l.startsWith("#") && l.contains("="))
                            .forEach(l -> names.add(normalize(l.substring(0, l.indexOf('=')).replaceFirst("^%[a-z]+\\.", ""))));
                }
            }
        }
        return names;
    }

    private static String normalize(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static List<JsonNode> render(String label, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("template", "memberhub", CHART.toString()));
        command.addAll(List.of(args));
        ChartTools.Result rendered = tools.helm(command.toArray(String[]::new));
        assertThat(rendered.exit()).as("helm %s\n%s", String.join(" ", command), rendered.output()).isZero();
        Path target = Files.createDirectories(Path.of("target/helm"));
        Path manifests = target.resolve(label + ".yaml");
        // helm writes its notices (e.g. the realm file's symbolic link) to stderr, merged here: keep the YAML only.
        Files.writeString(manifests, rendered.output().lines().filter(l -> !l.startsWith("level=")).reduce("", (a, b) -> a + b + "\n"));
        Path objects = target.resolve(label + ".json");
        ChartTools.Result validation = tools.validate(manifests, objects);
        assertThat(validation.exit()).as("Kubernetes schema validation of %s:\n%s", manifests, validation.output()).isZero();
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(objects.toFile()).forEach(list::add);
        assertThat(list).isNotEmpty();
        return list;
    }

    private static JsonNode one(List<JsonNode> objects, String kind, String name) {
        List<JsonNode> found = objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name)).toList();
        assertThat(found).as("%s %s", kind, name).hasSize(1);
        return found.getFirst();
    }

    private static JsonNode platformContainer(List<JsonNode> objects) {
        return one(objects, "Deployment", "memberhub-platform").at("/spec/template/spec/containers/0");
    }

    private static List<JsonNode> containers(List<JsonNode> objects) {
        List<JsonNode> containers = new ArrayList<>();
        objects.forEach(o -> o.at("/spec/template/spec/containers").forEach(containers::add));
        return containers;
    }

    private static List<JsonNode> secretRefs(List<JsonNode> objects) {
        List<JsonNode> refs = new ArrayList<>();
        containers(objects).forEach(c -> c.path("env").forEach(e -> {
            if (!e.at("/valueFrom/secretKeyRef").isMissingNode()) {
                refs.add(e.at("/valueFrom/secretKeyRef"));
            }
        }));
        assertThat(refs).isNotEmpty();
        return refs;
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Properties properties(JsonNode configMap) throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(configMap.at("/data/application.properties").asText()));
        return properties;
    }

    private static Set<String> kinds(List<JsonNode> objects) {
        Set<String> kinds = new HashSet<>();
        objects.forEach(o -> kinds.add(o.path("kind").asText()));
        return kinds;
    }

    private static List<String> texts(Object nodes) {
        List<String> texts = new ArrayList<>();
        if (nodes instanceof JsonNode node) {
            node.forEach(n -> texts.add(n.asText()));
        } else if (nodes instanceof List<?> list) {
            list.forEach(n -> texts.add(((JsonNode) n).asText()));
        }
        return texts;
    }

    private static String dockerfileWorkdir(String module) throws IOException {
        Path dockerfile = REPO.resolve(module + "/src/main/docker/Dockerfile.jvm");
        return Files.readAllLines(dockerfile).stream().filter(l -> l.startsWith("WORKDIR ")).reduce((a, b) -> b)
                .map(l -> l.substring("WORKDIR ".length()).strip()).orElseThrow(() -> new AssertionError(dockerfile + " sets no WORKDIR"));
    }

    private static String rootPomProperty(String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(REPO.resolve("pom.xml")));
        assertThat(m.find()).as("%s in the root pom", name).isTrue();
        return m.group(1);
    }
}

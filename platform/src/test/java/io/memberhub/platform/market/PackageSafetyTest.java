package io.memberhub.platform.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.market.MarketPackages.Developer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Market packages that would write outside the plugin directory when unpacked (zip-slip: climbing
 * names, absolute paths, symbolic links, an index that says something else than the entries) or
 * that inflate beyond reason (zip bombs: too many entries, too many bytes, declared or hidden) are
 * refused with the reason, the same inside the plugin jar, and nothing of them is written anywhere.
 */
@QuarkusTest
class PackageSafetyTest {

    private static final int UNIX_SYMLINK = 0120777;

    @TempDir
    Path build;

    @Test
    void entriesThatCouldWriteOutsideThePluginDirectoryAreRefusedAndNothingIsWritten() throws IOException {
        Developer developer = Developer.register();
        String id = "slip-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] jar = MarketPackages.pluginJar(build, id, "1.0.0", "^1.0.0");
        String manifest = MarketPackages.manifest(id, "1.0.0", "^1.0.0");
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("../../plugins/evil.jar", "climbs out");
        refused.put("icons/../../../evil.sh", "climbs out");
        refused.put("/etc/cron.d/evil", "absolute");
        refused.put("C:/Windows/evil.dll", "absolute");
        refused.put("icons\\..\\..\\evil.png", "absolute or Windows");
        for (var entry : refused.entrySet()) {
            developer.upload(MarketPackages.zip(manifest, jar, Map.of("icon.png", MarketPackages.ICON, entry.getKey(), "x".getBytes())))
                    .statusCode(422).contentType("application/problem+json").body("code", equalTo("PACKAGE_UNSAFE"))
                    .body("detail", containsString(entry.getKey())).body("detail", containsString(entry.getValue()));
        }

        byte[] linked = linked(MarketPackages.zip(manifest, jar, Map.of("icon.png", MarketPackages.ICON, "docs.txt",
                "/home/memberhub/.memberhub/secrets.key".getBytes())), "docs.txt");
        developer.upload(linked).statusCode(422).body("code", equalTo("PACKAGE_UNSAFE")).body("detail", containsString("symbolic link"));

        byte[] hidden = renamedInIndex(MarketPackages.zip(manifest, jar, Map.of("icon.png", MarketPackages.ICON, "aaaaaaaa.txt",
                "x".getBytes())), "aaaaaaaa.txt", "../../aa.txt");
        developer.upload(hidden).statusCode(422).body("code", equalTo("PACKAGE_UNSAFE")).body("detail", containsString("../../aa.txt"));
        byte[] disagreeing = renamedInIndex(MarketPackages.zip(manifest, jar, Map.of("icon.png", MarketPackages.ICON, "aaaaaaaa.txt",
                "x".getBytes())), "aaaaaaaa.txt", "bbbbbbbb.txt");
        developer.upload(disagreeing).statusCode(422).body("code", equalTo("PACKAGE_UNSAFE")).body("detail", containsString("central directory"));

        byte[] slippingJar = MarketPackages.zip(manifest, withEntry(jar, "../../../../tmp/evil.class"), Map.of("icon.png", MarketPackages.ICON));
        developer.upload(slippingJar).statusCode(422).body("code", equalTo("PACKAGE_UNSAFE")).body("detail", containsString("plugin.jar has an entry"));

        Path market = Path.of(ConfigProvider.getConfig().getValue("memberhub.market.dir", String.class));
        Path plugins = Path.of(ConfigProvider.getConfig().getValue("memberhub.plugins.dir", String.class));
        assertThat(market.resolve(id)).as("nothing refused was stored").doesNotExist();
        for (Path base : new Path[] {market.resolve(id).resolve("1.0.0"), plugins}) {
            for (String name : refused.keySet()) {
                assertThat(base.resolve(name.replace('\\', '/').replaceFirst("^/", "")).normalize()).doesNotExist();
            }
        }
        System.out.println("[abuse] zip-slip: " + (refused.size() + 4) + " packages refused (climbing, absolute, symlink, "
                + "index disagreeing, nested jar), nothing written");
    }

    @Test
    void zipBombsAreRefusedBeforeOrWhileTheyInflate() throws IOException {
        Developer developer = Developer.register();
        String id = "bomb-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] jar = MarketPackages.pluginJar(build, id, "1.0.0", "^1.0.0");
        String manifest = MarketPackages.manifest(id, "1.0.0", "^1.0.0");

        Map<String, byte[]> many = new LinkedHashMap<>(Map.of("icon.png", MarketPackages.ICON));
        for (int i = 0; i < 2_000; i++) {
            many.put("assets/" + i + ".txt", new byte[0]);
        }
        developer.upload(MarketPackages.zip(manifest, jar, many)).statusCode(422)
                .body("code", equalTo("PACKAGE_TOO_LARGE")).body("detail", containsString("more than 2000 entries"));

        byte[] bomb = MarketPackages.zip(manifest, jar, Map.of("icon.png", MarketPackages.ICON, "zeros.bin", new byte[129 * 1024 * 1024]));
        assertThat(bomb.length).as("small on the wire").isLessThan(1024 * 1024);
        developer.upload(bomb).statusCode(422).body("code", equalTo("PACKAGE_TOO_LARGE")).body("detail", containsString("inflates to more than 128 MB"));
        // The same bomb whose index claims one byte: caught while inflating, at the limit.
        developer.upload(declaredSize(bomb, "zeros.bin", 1)).statusCode(422)
                .body("code", equalTo("PACKAGE_TOO_LARGE")).body("detail", containsString("inflates to more than 128 MB"));

        Path market = Path.of(ConfigProvider.getConfig().getValue("memberhub.market.dir", String.class));
        assertThat(market.resolve(id)).doesNotExist();
        System.out.println("[abuse] zip bombs: 2003 entries, 129 MiB inflating from " + bomb.length / 1024 + " KiB (declared and hidden) refused");
    }

    /** The jar with one more entry, as a careless or hostile build would add it. */
    private static byte[] withEntry(byte[] jar, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(new byte[] {(byte) 0xca, (byte) 0xfe});
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Marks the entry a Unix symbolic link in the archive's index (what unzip and jar tools go by). */
    private static byte[] linked(byte[] zip, String name) {
        return patchIndex(zip, name, (index, at) -> {
            index.putShort(at + 4, (short) ((3 << 8) | 20));
            index.putInt(at + 38, UNIX_SYMLINK << 16);
        });
    }

    /** Gives the entry another name of the same length in the index only. */
    private static byte[] renamedInIndex(byte[] zip, String name, String other) {
        byte[] bytes = other.getBytes(StandardCharsets.UTF_8);
        return patchIndex(zip, name, (index, at) -> index.put(at + 46, bytes));
    }

    private static byte[] declaredSize(byte[] zip, String name, int size) {
        return patchIndex(zip, name, (index, at) -> index.putInt(at + 24, size));
    }

    private interface IndexPatch {
        void apply(ByteBuffer index, int headerAt);
    }

    private static byte[] patchIndex(byte[] zip, String name, IndexPatch patch) {
        byte[] copy = zip.clone();
        ByteBuffer bytes = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < copy.length; at++) {
            if (bytes.getInt(at) == 0x02014b50 && Short.toUnsignedInt(bytes.getShort(at + 28)) == wanted.length
                    && java.util.Arrays.equals(copy, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                patch.apply(bytes, at);
                return copy;
            }
        }
        throw new IllegalArgumentException("no index entry " + name);
    }
}

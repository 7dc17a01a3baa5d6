package io.memberhub.console;

import io.memberhub.plugin.api.PluginApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.pf4j.ExtensionPoint;

/**
 * Market packages built at test time the way a module developer's build makes them: one extension
 * class (a source under {@code src/test/resources/modules}) compiled against plugin-api and PF4J,
 * a PF4J jar, and the zip with {@code manifest.json} and {@code plugin.jar}.
 */
final class TestModules {

    private TestModules() {
    }

    /**
     * The package of module {@code id} at {@code version}, its one extension class read from
     * {@code modules/<className>.java}, asking for {@code permissions} (the jar declares them all).
     */
    static byte[] pack(Path dir, String id, String version, String className, List<String> permissions) throws IOException {
        String pkg = "test.module." + id.replaceAll("[^a-z0-9]", "_");
        Path build = Files.createDirectories(dir.resolve(id + "-" + version));
        Path classes = Files.createDirectories(build.resolve("classes"));
        Path source = build.resolve(className + ".java");
        try (InputStream in = TestModules.class.getResourceAsStream("/modules/" + className + ".java")) {
            Files.writeString(source, "package " + pkg + ";\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("-proc:none", "--release", "21", "-d", classes.toString(),
                        "-classpath", location(PluginApi.class) + java.io.File.pathSeparator + location(ExtensionPoint.class)),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        if (!compiled) {
            throw new IllegalStateException("Test module " + id + " does not compile:\n" + errors);
        }
        String requires = "^" + PluginApi.VERSION;
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Requires", requires);
        main.putValue("Plugin-Description", "Test module " + id);
        List<String> declared = permissions.stream().filter(p -> !p.equals("storage")).toList();
        if (!declared.isEmpty()) {
            main.putValue("Plugin-Permissions", String.join(",", declared));
        }
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            // What PF4J's annotation processor writes; written here because javac runs without processors.
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write((pkg + "." + className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        String json = """
                {"id": "%s", "name": "%s", "description": "A module the console's tests publish.", "category": "OPERATIONS",
                 "version": "%s", "requires": "%s", "permissions": [%s], "config": [], "priceMinor": 0}
                """.formatted(id, className + " " + id, version, requires,
                String.join(", ", permissions.stream().map(p -> "\"" + p + "\"").toList()));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(json.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("plugin.jar"));
            out.write(jar.toByteArray());
            out.closeEntry();
        }
        return zip.toByteArray();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

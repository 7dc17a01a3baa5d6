package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginApi;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.pf4j.ExtensionPoint;

/**
 * Builds PF4J plugin jars at test time the way a plugin developer's build would: sources compiled
 * against plugin-api and PF4J only, a manifest with the descriptor, and the extension index.
 */
public final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * A plugin to build: its descriptor, one extension class (its simple name and body), public static
     * classes nested in it that are extensions too, and further files in the jar.
     */
    public record Spec(String id, String requires, Map<String, String> manifest, String extensionName, String extensionSource,
                       Map<String, String> files, List<String> nestedExtensions) {

        public static Spec of(String id, String extensionName, String extensionSource) {
            return new Spec(id, "^" + PluginApi.VERSION, Map.of(), extensionName, extensionSource, Map.of(), List.of());
        }

        public Spec requiring(String range) {
            return new Spec(id, range, manifest, extensionName, extensionSource, files, nestedExtensions);
        }

        /** A public static class nested in the extension class that is an extension as well (a second login provider). */
        public Spec withNestedExtension(String simpleName) {
            List<String> more = new java.util.ArrayList<>(nestedExtensions);
            more.add(simpleName);
            return new Spec(id, requires, manifest, extensionName, extensionSource, files, List.copyOf(more));
        }

        public Spec with(String attribute, String value) {
            Map<String, String> more = new LinkedHashMap<>(manifest);
            more.put(attribute, value);
            return new Spec(id, requires, more, extensionName, extensionSource, files, nestedExtensions);
        }

        /** A text file in the jar, e.g. a migration under META-INF/memberhub/migrations/. */
        public Spec withFile(String path, String text) {
            Map<String, String> more = new LinkedHashMap<>(files);
            more.put(path, text);
            return new Spec(id, requires, manifest, extensionName, extensionSource, more, nestedExtensions);
        }
    }

    /** Compiles the plugin and writes {@code <id>.jar} in {@code dir}. */
    public static Path build(Path dir, Spec spec) throws IOException {
        String pkg = "test.plugin." + spec.id().replaceAll("[^a-z0-9]", "_");
        Path src = Files.createDirectories(dir.resolve(spec.id() + "-src"));
        Path classes = Files.createDirectories(dir.resolve(spec.id() + "-classes"));
        Path source = src.resolve(spec.extensionName() + ".java");
        Files.writeString(source, "package " + pkg + ";\n" + spec.extensionSource());

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("-proc:none", "--release", "21", "-d", classes.toString(),
                        "-classpath", location(PluginApi.class) + java.io.File.pathSeparator + location(ExtensionPoint.class)),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        if (!compiled) {
            throw new IllegalStateException("Test plugin " + spec.id() + " does not compile:\n" + errors);
        }

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", spec.id());
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Requires", spec.requires());
        main.putValue("Plugin-Description", "Test plugin " + spec.id());
        spec.manifest().forEach(main::putValue);
        Path jar = dir.resolve(spec.id() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            // What PF4J's annotation processor writes; written here because javac runs without processors.
            zip.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            StringBuilder index = new StringBuilder(pkg + "." + spec.extensionName() + "\n");
            spec.nestedExtensions().forEach(nested -> index.append(pkg).append('.').append(spec.extensionName()).append('$').append(nested).append('\n'));
            zip.write(index.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            for (var file : spec.files().entrySet()) {
                zip.putNextEntry(new JarEntry(file.getKey()));
                zip.write(file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** Compiles one version of the plugin into {@code dir/<id>-<version>/}: versions of a plugin share its id. */
    public static Path build(Path dir, Spec spec, String version) throws IOException {
        return build(Files.createDirectories(dir.resolve(spec.id() + "-" + version)), spec.with("Plugin-Version", version));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

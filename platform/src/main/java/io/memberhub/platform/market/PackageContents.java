package io.memberhub.platform.market;

import io.memberhub.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A market package opened for inspection, never unpacked to disk: a zip with {@code manifest.json}
 * and the PF4J {@code plugin.jar} at its root, plus images the manifest names. Entry names that
 * could escape a directory, symbolic links, an index that disagrees with the entries, and archives
 * that inflate beyond reason (by what they declare or by what they turn out to hold) are refused
 * before anything is read further; the same holds for the plugin jar inside.
 */
record PackageContents(byte[] manifest, byte[] pluginJar, Attributes pluginAttributes, Set<String> entries) {

    static final String MANIFEST = "manifest.json";
    static final String PLUGIN = "plugin.jar";

    private static final int MAX_ENTRIES = 2_000;
    private static final long MAX_INFLATED_BYTES = 128L * 1024 * 1024;

    static PackageContents open(byte[] zip) {
        Map<String, byte[]> kept = new LinkedHashMap<>();
        Set<String> names = readEntries(zip, "the package", name -> name.equals(MANIFEST) || name.equals(PLUGIN), kept);
        byte[] manifest = kept.get(MANIFEST);
        byte[] plugin = kept.get(PLUGIN);
        if (manifest == null || plugin == null) {
            throw invalid("A market package is a zip with " + MANIFEST + " and " + PLUGIN + " at its root; this one lacks "
                    + (manifest == null ? MANIFEST : PLUGIN));
        }
        Map<String, byte[]> jarManifest = new LinkedHashMap<>();
        readEntries(plugin, PLUGIN, name -> name.equals("META-INF/MANIFEST.MF"), jarManifest);
        byte[] attributes = jarManifest.get("META-INF/MANIFEST.MF");
        if (attributes == null) {
            throw invalid(PLUGIN + " has no META-INF/MANIFEST.MF naming its Plugin-Id and Plugin-Version");
        }
        try {
            return new PackageContents(manifest, plugin, new Manifest(new ByteArrayInputStream(attributes)).getMainAttributes(), Set.copyOf(names));
        } catch (IOException e) {
            throw invalid(PLUGIN + "'s META-INF/MANIFEST.MF cannot be read: " + e.getMessage());
        }
    }

    /** Reads every entry name of {@code zip}, checking each, and keeps the bytes of those {@code keep} wants. */
    private static Set<String> readEntries(byte[] zip, String what, java.util.function.Predicate<String> keep, Map<String, byte[]> kept) {
        Set<String> indexed = checkIndex(zip, what);
        Set<String> names = new java.util.LinkedHashSet<>();
        long inflated = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                String unsafe = unsafeReason(name);
                if (unsafe != null) {
                    throw ProblemException.unprocessable("PACKAGE_UNSAFE", what + " has an entry '" + name + "' that " + unsafe
                            + "; rebuild it with plain relative paths");
                }
                if (!names.add(name)) {
                    throw ProblemException.unprocessable("PACKAGE_UNSAFE", what + " has the entry '" + name + "' twice");
                }
                if (names.size() > MAX_ENTRIES) {
                    throw ProblemException.unprocessable("PACKAGE_TOO_LARGE", what + " has more than " + MAX_ENTRIES + " entries");
                }
                ByteArrayOutputStream bytes = keep.test(name) ? new ByteArrayOutputStream() : null;
                inflated += drain(in, bytes, MAX_INFLATED_BYTES - inflated, what);
                if (bytes != null) {
                    kept.put(name, bytes.toByteArray());
                }
            }
        } catch (IOException e) {
            throw invalid(what + " is not a readable zip archive: " + e.getMessage());
        }
        if (names.isEmpty()) {
            throw invalid(what + " is not a zip archive or is empty");
        }
        if (!names.equals(indexed)) {
            // A jar is loaded by its index: what was checked here must be all there is.
            throw ProblemException.unprocessable("PACKAGE_UNSAFE", what + " lists other entries in its central directory than it holds");
        }
        return names;
    }

    /**
     * The archive's index, checked before any entry is inflated: how many entries and how large they
     * say they are, their names, and no symbolic links (a link unpacked could point anywhere).
     */
    private static Set<String> checkIndex(byte[] zip, String what) {
        ZipDirectory index;
        try {
            index = ZipDirectory.read(zip);
        } catch (ZipDirectory.Unreadable e) {
            throw invalid(what + " is not a readable zip archive: it " + e.getMessage());
        }
        if (index.entries().size() > MAX_ENTRIES) {
            throw ProblemException.unprocessable("PACKAGE_TOO_LARGE", what + " has more than " + MAX_ENTRIES + " entries");
        }
        long declared = 0;
        Set<String> names = new java.util.LinkedHashSet<>();
        for (ZipDirectory.Entry entry : index.entries()) {
            String unsafe = entry.symbolicLink() ? "is a symbolic link" : unsafeReason(entry.name());
            if (unsafe != null) {
                throw ProblemException.unprocessable("PACKAGE_UNSAFE", what + " has an entry '" + entry.name() + "' that " + unsafe
                        + "; rebuild it with plain relative paths and regular files");
            }
            if (!names.add(entry.name())) {
                throw ProblemException.unprocessable("PACKAGE_UNSAFE", what + " has the entry '" + entry.name() + "' twice");
            }
            declared += entry.declaredSize();
            if (declared > MAX_INFLATED_BYTES) {
                throw inflatesTooMuch(what);
            }
        }
        return names;
    }

    private static ProblemException inflatesTooMuch(String what) {
        return ProblemException.unprocessable("PACKAGE_TOO_LARGE", what + " inflates to more than "
                + (MAX_INFLATED_BYTES / (1024 * 1024)) + " MB");
    }

    private static long drain(InputStream in, ByteArrayOutputStream into, long allowance, String what) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            if (total > allowance) {
                throw inflatesTooMuch(what);
            }
            if (into != null) {
                into.write(buffer, 0, read);
            }
        }
        return total;
    }

    /** Why an entry name could write outside the directory it is unpacked into, or null when it is a plain relative path. */
    static String unsafeReason(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            return "has no usable name";
        }
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || (name.length() > 1 && name.charAt(1) == ':')) {
            return "is an absolute or Windows path";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return "climbs out of the package ('..')";
            }
        }
        return null;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.unprocessable("PACKAGE_INVALID", detail);
    }

    /** The plugin descriptor attribute, or null. */
    String plugin(String attribute) {
        String value = pluginAttributes.getValue(attribute);
        return value == null ? null : value.trim();
    }

    static List<String> describe(Set<String> entries) {
        return entries.stream().sorted().toList();
    }
}

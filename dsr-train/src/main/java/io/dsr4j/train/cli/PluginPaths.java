package io.dsr4j.train.cli;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.plugin.DsrPlugin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Checks the plugin path before the registry loads it, so that a plugin that is silently not there does not
 * become "unknown policy type" later: a path the user named with {@code --plugins} that is not a usable jar or
 * folder is an error; problems in the {@code dsr.plugins} property (the launcher's {@code plugins/} folder and
 * {@code DSR_PLUGINS}) and inside plugin folders are warnings naming the file.
 */
final class PluginPaths {

    static final String SERVICE = "META-INF/services/" + DsrPlugin.class.getName();
    private static final String NO_SERVICE = "declares no dsr4j plugin";

    private PluginPaths() { }

    /** Fails for a {@code --plugins} path that cannot contribute plugins; warns about its folder's contents. */
    static void checkNamed(Path p, PrintWriter err) {
        if (!Files.exists(p)) throw new ConfigException("--plugins " + p + ": no such folder or jar");
        if (Files.isDirectory(p)) {
            warnAboutFolder(p, "--plugins", err);
            return;
        }
        String problem = jarProblem(p);
        if (problem != null) throw new ConfigException("--plugins " + p + ": " + problem);
    }

    /** Warns about an entry of the {@code dsr.plugins} property (set by ./dsr from plugins/ and DSR_PLUGINS). */
    static void checkListed(Path p, PrintWriter err) {
        if (!Files.exists(p)) {
            warn(err, "plugin path " + p + " (DSR_PLUGINS or -Ddsr.plugins) does not exist; ignored");
        } else if (Files.isDirectory(p)) {
            warnAboutFolder(p, "plugin folder", err);
        } else {
            String problem = jarProblem(p);
            if (problem != null) warn(err, "plugin path " + p + " (DSR_PLUGINS or -Ddsr.plugins): " + problem + "; ignored");
        }
    }

    private static void warnAboutFolder(Path dir, String what, PrintWriter err) {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                if (Files.isDirectory(f) || f.getFileName().toString().startsWith(".")) continue;
                String problem = jarProblem(f);
                if (problem == null) continue;
                // a jar without the service file is on the class path all the same: it may be a plugin's library
                boolean library = problem.startsWith(NO_SERVICE);
                warn(err, what + " " + dir + ": " + f.getFileName() + " " + problem
                        + (library ? " (fine for a library a plugin needs)" : "; ignored"));
            }
        } catch (IOException e) {
            warn(err, what + " " + dir + " cannot be listed (" + e + "); ignored");
        }
    }

    /** Why a file cannot hold plugins, or null when it is a jar that declares some. */
    static String jarProblem(Path f) {
        if (!f.getFileName().toString().endsWith(".jar")) return "is not a jar (plugins are .jar files)";
        try (ZipFile zip = new ZipFile(f.toFile())) {
            if (zip.getEntry(SERVICE) == null) {
                return NO_SERVICE + " (it has no " + SERVICE + "; see examples/plugin-sinc)";
            }
            return null;
        } catch (IOException e) {
            return "is not a readable jar (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        }
    }

    private static void warn(PrintWriter err, String message) {
        err.println("dsr: warning: " + message);
        err.flush();
    }

    static List<Path> split(String property) {
        List<Path> paths = new ArrayList<>();
        for (String part : property.split(java.io.File.pathSeparator)) {
            if (!part.isBlank()) paths.add(Path.of(part.trim()));
        }
        return paths;
    }
}

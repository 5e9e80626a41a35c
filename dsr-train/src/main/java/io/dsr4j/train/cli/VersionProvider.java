package io.dsr4j.train.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** "dsr4j 0.1.0-SNAPSHOT (Java 17.0.15, OpenJDK 64-Bit Server VM)"; the version is filled in by the Maven build. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The project version, or "dev" when the resource was not filtered by Maven. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // reported as "dev"
        }
        String v = p.getProperty("version", "dev");
        return v.startsWith("${") ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"dsr4j " + version() + " (Java " + System.getProperty("java.version") + ", "
                + System.getProperty("java.vm.name") + ")"};
    }
}

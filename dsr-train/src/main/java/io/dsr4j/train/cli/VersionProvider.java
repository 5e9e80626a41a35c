package io.dsr4j.train.cli;

import io.dsr4j.train.build.BuildInfo;
import picocli.CommandLine;


/** "dsr4j 0.1.0-SNAPSHOT (0123456789ab) (Java 17.0.15, OpenJDK 64-Bit Server VM)"; the version is filled in by the Maven build. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The project version, or "dev" when the resource was not filtered by Maven. */
    public static String version() {
        return BuildInfo.current().version();
    }

    @Override
    public String[] getVersion() {
        return new String[]{"dsr4j " + BuildInfo.current().describe() + " (Java " + System.getProperty("java.version") + ", "
                + System.getProperty("java.vm.name") + ")"};
    }
}

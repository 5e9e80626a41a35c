package io.dsr4j.train.build;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the Maven build embedded in the jar: the project version ({@code version.properties}, filtered) and the git
 * commit it was built from ({@code git.properties} and {@code git-status.txt}, written by {@code git} during the build,
 * see dsr-train's pom). Read from resources, so an installed jar reports its own build, never the working directory's
 * repository.
 *
 * @param version    project version, "dev" when the resources were not filtered (an IDE build)
 * @param commit     full commit id, "unknown" when the build had no git repository
 * @param commitTime commit time (ISO-8601), or "unknown"
 * @param dirty      true when tracked files had uncommitted changes at build time (null: unknown)
 */
public record BuildInfo(String version, String commit, String commitTime, Boolean dirty) {

    /** Reads the resources of this jar (a few small files; cheap enough to call per run). */
    public static BuildInfo current() {
        Properties v = load("/io/dsr4j/train/cli/version.properties");
        Properties g = load("/io/dsr4j/train/build/git.properties");
        String version = v.getProperty("version", "dev");
        String commit = value(g, "commit");
        Boolean dirty = null;
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/dsr4j/train/build/git-status.txt")) {
            if (in != null && !commit.equals("unknown")) dirty = !new String(in.readAllBytes()).isBlank();
        } catch (IOException ignored) {
            // unknown
        }
        return new BuildInfo(version.startsWith("${") ? "dev" : version, commit, value(g, "commit_time"), dirty);
    }

    /** "0.1.0-SNAPSHOT (abcdef123456, modified)" */
    public String describe() {
        String c = commit.equals("unknown") ? "commit unknown" : commit.substring(0, Math.min(12, commit.length()));
        return version + " (" + c + (Boolean.TRUE.equals(dirty) ? ", uncommitted changes" : "") + ")";
    }

    private static String value(Properties p, String key) {
        String s = p.getProperty(key);
        return s == null || s.isBlank() || s.startsWith("${") ? "unknown" : s;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // reported as unknown
        }
        return p;
    }
}

package dev.qapidoc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of qapidoc, as the pom states it: Maven writes {@code version.properties} from
 * {@code ${project.version}} (resource filtering), so the number is kept in one place and the jar,
 * {@code --version} and SARIF's {@code tool.driver.version} cannot disagree. Read only when asked
 * for ({@code --version}, {@code --help}, SARIF output), so commands do not pay for it.
 */
final class Version {
    private static String version;

    private Version() {}

    /** The version, or {@code unknown} when the resource is missing (classes not built by Maven). */
    static synchronized String get() {
        if (version == null) {
            version = read();
        }
        return version;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

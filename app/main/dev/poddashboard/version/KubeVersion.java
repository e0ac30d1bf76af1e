package dev.poddashboard.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes version as {@code /version} reports it.
 *
 * @param gitVersion   as the server says it ({@code v1.33.3}, {@code v1.30.4-eks-a737599}); empty when unknown
 * @param minor        the minor version features are decided by: the emulated one when the server emulates an older
 *                     release (1.31+ compatibility versions), else its own; 0 when unknown
 * @param emulatedFrom the server's own minor when it emulates an older one, else 0
 * @param source       "read" (asked the server), "demo" (what demo mode imitates) or "unknown" (could not be read)
 */
public record KubeVersion(String gitVersion, int minor, int emulatedFrom, String source) {
    /** The oldest and newest minor releases this app knows; an unknown or newer server is treated as the newest. */
    public static final int OLDEST_KNOWN = 28;
    public static final int NEWEST_KNOWN = 34;
    /** What demo mode imitates: the v1.33.3 captures. */
    public static final KubeVersion DEMO = new KubeVersion("v1.33.3", 33, 0, "demo");
    public static final KubeVersion UNKNOWN = new KubeVersion("", 0, 0, "unknown");

    private static final Pattern MINOR = Pattern.compile("(\\d+)");
    private static final Pattern GIT = Pattern.compile("v?1\\.(\\d+)(\\..*)?");

    public KubeVersion {
        gitVersion = gitVersion == null ? "" : gitVersion;
    }

    /**
     * From the fields of {@code /version}: {@code minor} may carry a suffix ("28+" on managed clusters), and
     * {@code emulationMinor} is present from 1.31 on.
     */
    public static KubeVersion of(String gitVersion, String major, String minor, String emulationMajor, String emulationMinor) {
        int own = "1".equals(strip(major)) ? number(minor) : 0;
        if (own == 0 && gitVersion != null) {
            Matcher m = GIT.matcher(gitVersion.strip());
            own = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        }
        int emulated = "1".equals(strip(emulationMajor)) ? number(emulationMinor) : 0;
        if (emulated > 0 && emulated < own) {
            return new KubeVersion(gitVersion, emulated, own, "read");
        }
        return new KubeVersion(gitVersion, own, 0, own == 0 ? "unknown" : "read");
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static int number(String value) {
        Matcher m = MINOR.matcher(strip(value));
        if (!m.lookingAt()) {
            return 0;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean known() {
        return minor > 0;
    }

    /** The minor release features are decided by: an unknown or newer server is taken as the newest known. */
    public int effectiveMinor() {
        return !known() || minor > NEWEST_KNOWN ? NEWEST_KNOWN : minor;
    }

    /** "v1.28.7", "v1.33.3, imitated by demo mode", "v1.32.1 (emulating 1.31)", "unknown". */
    public String label() {
        if (!known()) {
            return gitVersion.isEmpty() ? "unknown" : gitVersion;
        }
        String name = gitVersion.isEmpty() ? "v1." + minor : gitVersion;
        if (emulatedFrom > 0) {
            return name + " (emulating 1." + minor + ")";
        }
        return source.equals("demo") ? name + ", imitated by demo mode" : name;
    }

    /** What the app assumes, when it had to: empty when the version was read and is one it knows. */
    public String assumption() {
        if (!known()) {
            return "The API server's version could not be read, so the dashboard assumes the newest it knows (1."
                    + NEWEST_KNOWN + ").";
        }
        if (minor > NEWEST_KNOWN) {
            return "This dashboard knows Kubernetes up to 1." + NEWEST_KNOWN + "; it treats 1." + minor + " like 1."
                    + NEWEST_KNOWN + ".";
        }
        if (minor < OLDEST_KNOWN) {
            return "This dashboard was made for Kubernetes 1." + OLDEST_KNOWN + " and newer; on 1." + minor
                    + " some of what it shows may not apply.";
        }
        return "";
    }
}

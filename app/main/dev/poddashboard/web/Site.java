package dev.poddashboard.web;

import dev.poddashboard.cluster.Connection;
import dev.poddashboard.version.ServerVersion;

/**
 * What every page's layout shows: how the dashboard is connected, which API server version it talks to, and where
 * Bootstrap is served from.
 */
public record Site(String mode, boolean demo, String server, String namespace, String credentials, String bootstrapCss,
                   ServerVersion version) {

    public static Site of(Connection connection, String bootstrapCss, ServerVersion version) {
        return new Site(connection.mode().value(), connection.demo(), connection.server(), connection.namespace(),
                connection.credentials(), bootstrapCss, version);
    }

    /** "v1.33.3", "v1.33.3 (imitated by demo mode)", "unknown". */
    public String serverVersion() {
        return version.current().label();
    }
}

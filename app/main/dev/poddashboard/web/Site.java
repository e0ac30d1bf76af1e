package dev.poddashboard.web;

import dev.poddashboard.cluster.Connection;

/** What every page's layout shows: how the dashboard is connected, and where Bootstrap is served from. */
public record Site(String mode, boolean demo, String server, String namespace, String credentials, String bootstrapCss) {

    public static Site of(Connection connection, String bootstrapCss) {
        return new Site(connection.mode().value(), connection.demo(), connection.server(), connection.namespace(),
                connection.credentials(), bootstrapCss);
    }
}

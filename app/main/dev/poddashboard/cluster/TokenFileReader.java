package dev.poddashboard.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Reads the projected token file. client-java's RefreshAuthentication calls this again once its refresh period
 * has passed, so the kubelet's rotation (an atomic swap of the {@code ..data} symlink) is picked up without a
 * restart. The token is never logged.
 */
final class TokenFileReader implements Supplier<String> {
    private final Path file;
    private boolean constructed;

    TokenFileReader(Path file) {
        this.file = file;
    }

    @Override
    public synchronized String get() {
        if (!constructed) {
            // RefreshAuthentication's constructor reads once eagerly, then reads again on the first request (its
            // expiry starts at Instant.MIN). A pod without a token (automountServiceAccountToken: false) must still
            // start and explain itself, so that first read never fails; every request's read does.
            constructed = true;
            if (!Files.isRegularFile(file)) {
                return "";
            }
        }
        try {
            String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (token.isEmpty()) {
                throw new ClusterException.NoTokenMounted(file);
            }
            return token;
        } catch (IOException e) {
            throw new ClusterException.NoTokenMounted(file);
        }
    }
}

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

    TokenFileReader(Path file) {
        this.file = file;
    }

    @Override
    public String get() {
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

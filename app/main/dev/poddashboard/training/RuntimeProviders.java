package dev.poddashboard.training;

import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The security providers the runtime's {@code java.security} names ({@code security.provider.N}) that it cannot
 * load: a runtime cut by jlink to the app's modules misses some. The Kubernetes client's OkHttp asks for every
 * provider as it starts ({@link Security#getProviders()}); for each named one the JDK's own modules lack, the JDK
 * looks on through the class path, where it finds and builds BouncyCastle's two providers (the client's
 * dependencies). That cost the image 430 ms of a cold start in cluster mode, before its first LIST call
 * (docs/benchmark.md, "The image's missing providers"). The training run fails the image's build when one is missing.
 */
final class RuntimeProviders {
    private RuntimeProviders() {
    }

    /** This runtime's missing providers, as its {@code java.security} names them. */
    static List<String> missing() {
        return missing(Security::getProperty, Security.getProviders());
    }

    /**
     * The entries of {@code security.provider.1, 2, …} (up to the first number not set or blank, as the JDK reads
     * them) that none of the loaded providers answers to, by name or by class name; an entry's first word is the
     * provider, the rest its argument.
     */
    static List<String> missing(UnaryOperator<String> property, Provider... loaded) {
        List<String> missing = new ArrayList<>();
        for (int n = 1; ; n++) {
            String entry = property.apply("security.provider." + n);
            if (entry == null || entry.isBlank()) {
                return List.copyOf(missing);
            }
            String name = entry.strip().split("\\s+", 2)[0];
            boolean found = false;
            for (Provider provider : loaded) {
                found |= provider.getName().equals(name) || provider.getClass().getName().equals(name);
            }
            if (!found) {
                missing.add(name);
            }
        }
    }
}

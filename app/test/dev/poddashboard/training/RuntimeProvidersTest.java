package dev.poddashboard.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeProvidersTest {
    private static Provider provider(String name) {
        return new Provider(name, "1", "test") {
        };
    }

    @Test
    void namesTheConfiguredProvidersThatDidNotLoadUpToTheFirstGap() {
        Map<String, String> config = Map.of("security.provider.1", "SUN", "security.provider.2", "XMLDSig",
                "security.provider.3", "SunPKCS11 ${java.home}/conf/security/pkcs11.cfg", "security.provider.5", "Gone");
        assertEquals(List.of("XMLDSig", "SunPKCS11"), RuntimeProviders.missing(config::get, provider("SUN")));
        assertEquals(List.of("XMLDSig"), RuntimeProviders.missing(config::get, provider("SUN"), provider("SunPKCS11")));
    }

    @Test
    void aBlankEntryEndsTheListAsItDoesForTheJdk() {
        Map<String, String> config = Map.of("security.provider.1", "SUN", "security.provider.2", " ",
                "security.provider.3", "Gone");
        assertEquals(List.of(), RuntimeProviders.missing(config::get, provider("SUN")));
    }

    @Test
    void aProviderNamedByItsClassCountsAsLoaded() {
        Provider loaded = provider("Whatever");
        Map<String, String> config = Map.of("security.provider.1", " " + loaded.getClass().getName() + " ");
        assertEquals(List.of(), RuntimeProviders.missing(config::get, loaded));
    }

    @Test
    void theJdkThatRunsTheTestsHasEveryProviderItNames() {
        // A full JDK: what the image's runtime must match (its own check runs in the Dockerfile's training run).
        assertEquals(List.of(), RuntimeProviders.missing());
        assertEquals("SUN", Security.getProperty("security.provider.1"));
    }
}

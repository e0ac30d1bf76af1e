package dev.poddashboard.token;

import dev.poddashboard.threads.Daemon;
import io.jsonwebtoken.Jwts;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Demo mode's token: shaped exactly like the one a v1.33 kubelet mounts (a TokenRequest for 3607 s, bound to the
 * dashboard's pod and naming its node, with a jti, exp extended to a year, warnafter at the requested end), signed
 * by a key made once the server listens (or at the first read, if that comes first), that lives only in memory and
 * that no cluster trusts.
 */
public final class DemoToken implements TokenSource, SigningKeys {
    public static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
    public static final String KEY_ID = "demo-key-not-trusted-anywhere";
    public static final String POD = "pod-dashboard-7c9d5b6f4-k2x8q";
    public static final String POD_UID = "8a2f0c1e-3b5d-4e6f-9a7b-1c2d3e4f5a6b";
    public static final String NODE = "demo-node-1";
    public static final String NODE_UID = "5d0c7a34-91e2-4b8f-a6d3-2f1e0b9c8d7a";
    public static final String JTI = "0f5e8c2a-7b4d-4e19-9c6a-3d2b1a0f9e8d";

    private final Instant issued;
    private final String namespace;
    private final String serviceAccount;
    private Signed signed;

    private record Signed(String raw, Key publicKey) {
    }

    public DemoToken(String namespace, String serviceAccount, Instant now) {
        this.namespace = namespace;
        this.serviceAccount = serviceAccount;
        this.issued = now.minus(Duration.ofMinutes(12)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * Making an RSA key pair takes 0.3-0.5 s on a cold JVM. Made on a thread of its own from the start, it took the
     * two cores from the start itself (demo mode healthy ~70 ms later, measured); it is made once the server
     * listens, and a read that comes first waits for it.
     */
    @Override
    public void prepare() {
        Daemon.start("demo-token", this::signed);
    }

    private synchronized Signed signed() {
        if (signed == null) {
            signed = sign(namespace, serviceAccount, issued);
        }
        return signed;
    }

    private static Signed sign(String namespace, String serviceAccount, Instant issued) {
        KeyPair keys = Jwts.SIG.RS256.keyPair().build();
        Map<String, Object> k8s = new LinkedHashMap<>();
        k8s.put("namespace", namespace);
        k8s.put("node", Map.of("name", NODE, "uid", NODE_UID));
        k8s.put("pod", Map.of("name", POD, "uid", POD_UID));
        k8s.put("serviceaccount", Map.of("name", serviceAccount, "uid", "404681b7-9157-48ee-ba09-c012c5b7e36b"));
        k8s.put("warnafter", issued.plusSeconds(3607).getEpochSecond());
        String raw = Jwts.builder()
                .header().keyId(KEY_ID).and()
                .audience().add(ISSUER).and()
                .expiration(java.util.Date.from(issued.plus(Duration.ofDays(365))))
                .issuedAt(java.util.Date.from(issued))
                .id(JTI)
                .issuer(ISSUER)
                .claim("kubernetes.io", k8s)
                .notBefore(java.util.Date.from(issued))
                .subject("system:serviceaccount:" + namespace + ":" + serviceAccount)
                .signWith(keys.getPrivate(), Jwts.SIG.RS256)
                .compact();
        return new Signed(raw, keys.getPublic());
    }

    @Override
    public TokenRead read() {
        String raw = signed().raw();
        Path dir = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
        String modified = TokenExplainer.utc(issued);
        return new TokenRead.Mounted(raw, issued, new TokenRead.Directory(dir.toString(), true, List.of(
                new TokenRead.FileEntry("ca.crt", 1107, modified),
                new TokenRead.FileEntry("namespace", namespace.length(), modified),
                new TokenRead.FileEntry("token", raw.length(), modified)),
                new TokenRead.CaCertificate("CN=kubernetes (demo)", "CN=kubernetes (demo)", "2026-01-01T00:00:00Z",
                        "2036-01-01T00:00:00Z", 1), "", namespace));
    }

    @Override
    public KeyLookup find(String keyId) {
        return KEY_ID.equals(keyId) ? new KeyLookup.Found(signed().publicKey(), ISSUER) : new KeyLookup.UnknownKey(Set.of(KEY_ID), ISSUER);
    }
}

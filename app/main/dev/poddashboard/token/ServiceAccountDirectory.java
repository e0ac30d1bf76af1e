package dev.poddashboard.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The mounted service-account directory ({@code /var/run/secrets/kubernetes.io/serviceaccount}). In a pod its
 * files are symlinks into a {@code ..data} directory that the kubelet swaps atomically on rotation, so each
 * read follows the links afresh.
 */
public final class ServiceAccountDirectory implements TokenSource {
    private final Path dir;

    public ServiceAccountDirectory(Path dir) {
        this.dir = dir;
    }

    @Override
    public TokenRead read() {
        TokenRead.Directory listing = listing();
        Path token = dir.resolve("token");
        try {
            Instant modified = Files.getLastModifiedTime(token).toInstant();
            String raw = Files.readString(token, StandardCharsets.US_ASCII).trim();
            if (raw.isEmpty()) {
                return new TokenRead.NotMounted(listing);
            }
            return new TokenRead.Mounted(raw, modified, listing);
        } catch (NoSuchFileException e) {
            return new TokenRead.NotMounted(listing);
        } catch (IOException e) {
            return new TokenRead.NotMounted(listing);
        }
    }

    private TokenRead.Directory listing() {
        if (!Files.isDirectory(dir)) {
            return new TokenRead.Directory(dir.toString(), false, List.of(), null, "", "");
        }
        List<TokenRead.FileEntry> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(p -> {
                        try {
                            files.add(new TokenRead.FileEntry(p.getFileName().toString(), Files.size(p),
                                    TokenExplainer.utc(Files.getLastModifiedTime(p).toInstant())));
                        } catch (IOException e) {
                            // vanished between list and stat (a rotation): leave it out of this listing
                        }
                    });
        } catch (IOException e) {
            return new TokenRead.Directory(dir.toString(), true, List.of(), null, "cannot list the directory: " + e.getMessage(), "");
        }
        TokenRead.CaCertificate ca = null;
        String caProblem = "";
        Path caFile = dir.resolve("ca.crt");
        if (Files.exists(caFile)) {
            try {
                ca = ca(caFile);
            } catch (IOException | CertificateException | RuntimeException e) {
                caProblem = "ca.crt is not a PEM certificate: " + e.getMessage();
            }
        } else {
            caProblem = "no ca.crt";
        }
        String namespace = "";
        try {
            namespace = Files.readString(dir.resolve("namespace"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            // no namespace file: shown as missing
        }
        return new TokenRead.Directory(dir.toString(), true, files, ca, caProblem, namespace);
    }

    private static TokenRead.CaCertificate ca(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends java.security.cert.Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate in it");
            }
            X509Certificate first = (X509Certificate) certs.iterator().next();
            return new TokenRead.CaCertificate(first.getSubjectX500Principal().getName(),
                    first.getIssuerX500Principal().getName(), TokenExplainer.utc(first.getNotBefore().toInstant()),
                    TokenExplainer.utc(first.getNotAfter().toInstant()), certs.size());
        }
    }
}

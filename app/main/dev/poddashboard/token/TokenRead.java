package dev.poddashboard.token;

import java.time.Instant;
import java.util.List;

/** One read of the token the dashboard uses, fresh on every request so a rotation shows at once. */
public sealed interface TokenRead {

    /**
     * A token file was there. {@code raw} lives only for the request that read it: it goes to the decoder and
     * the reviews and is never put in a view model.
     *
     * @param modified the file's modification time: when the kubelet last rotated it
     */
    record Mounted(String raw, Instant modified, Directory directory) implements TokenRead {
        @Override
        public String toString() {
            return "Mounted[token redacted, modified=" + modified + "]";
        }
    }

    /** In a pod, but there is no token file: automountServiceAccountToken: false. */
    record NotMounted(Directory directory) implements TokenRead {
    }

    /** The dashboard does not authenticate with a mounted token (kubeconfig mode). */
    record NotApplicable(String explanation) implements TokenRead {
    }

    /** What {@code ls -l} of the service-account directory would show, and what is in it. */
    record Directory(String path, boolean exists, List<FileEntry> files, CaCertificate ca, String caProblem,
                     String namespace) {
        public Directory {
            files = List.copyOf(files);
        }
    }

    record FileEntry(String name, long size, String modified) {
    }

    /** The cluster CA from {@code ca.crt}: who signs the API server's certificate. */
    record CaCertificate(String subject, String issuer, String notBefore, String notAfter, int certificates) {
    }
}

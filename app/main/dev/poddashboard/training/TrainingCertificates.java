package dev.poddashboard.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA and a serving certificate for 127.0.0.1 signed by it, made with the runtime's own {@code keytool} in a
 * process of its own (so the training run's JVM loads no certificate-making classes): {@code ca.crt} for the
 * client, as a pod has it in its service-account directory, and {@code server.p12} for the stand-in API server.
 * RSA as kubeadm (kind, minikube) makes them, or EC P-256 as k3s does.
 */
public record TrainingCertificates(Path caCertificate, Path serverKeyStore, String password) {
    public enum KeyType {
        RSA(List.of("-keyalg", "RSA", "-keysize", "2048")),
        EC(List.of("-keyalg", "EC", "-groupname", "secp256r1"));

        private final List<String> options;

        KeyType(List<String> options) {
            this.options = options;
        }
    }

    private static final String PASSWORD = "training";

    /** Makes them in {@code dir}. */
    public static TrainingCertificates make(Path dir, KeyType type) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path caCrt = dir.resolve("ca.crt");
        Path csr = dir.resolve("server.csr");
        Path serverCrt = dir.resolve("server.crt");
        for (Path p : List.of(ca, server, caCrt, csr, serverCrt, dir.resolve("chain.pem"))) {
            Files.deleteIfExists(p);
        }
        keytool(type, "-genkeypair", "-alias", "ca", "-dname", "CN=training-ca", "-ext", "bc:c", "-validity", "3",
                "-keystore", ca.toString());
        keytool(null, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caCrt.toString());
        keytool(type, "-genkeypair", "-alias", "server", "-dname", "CN=kube-apiserver", "-validity", "3",
                "-keystore", server.toString());
        keytool(null, "-certreq", "-alias", "server", "-keystore", server.toString(), "-file", csr.toString());
        keytool(null, "-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", csr.toString(), "-outfile",
                serverCrt.toString(), "-rfc", "-validity", "3", "-ext", "san=ip:127.0.0.1,dns:localhost,dns:kubernetes.default.svc");
        // The reply with its chain (the serving certificate, then the CA's), in one import.
        Path chain = dir.resolve("chain.pem");
        Files.writeString(chain, Files.readString(serverCrt) + Files.readString(caCrt));
        keytool(null, "-importcert", "-noprompt", "-alias", "server", "-file", chain.toString(), "-keystore", server.toString());
        return new TrainingCertificates(caCrt, server, PASSWORD);
    }

    private static void keytool(KeyType type, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        if (type != null) {
            command.addAll(type.options);
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}

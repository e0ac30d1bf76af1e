package dev.poddashboard.training;

import java.nio.file.Path;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A Jetty connector on loopback that speaks as a kube-apiserver does: TLS with the given serving certificate, and
 * HTTP/2 to a client that offers it through ALPN (OkHttp does, so client-java talks HTTP/2 to a real API server),
 * else HTTP/1.1.
 */
public final class TlsConnector {
    private TlsConnector() {
    }

    public static Connector on(Server server, HttpConfiguration config, Path keyStore, String password) {
        HttpConfiguration https = new HttpConfiguration(config);
        https.addCustomizer(new SecureRequestCustomizer(false)); // clients ask for 127.0.0.1: no SNI host check
        HttpConnectionFactory http11 = new HttpConnectionFactory(https);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keyStore.toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(password);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn,
                h2, http11);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        return connector;
    }
}

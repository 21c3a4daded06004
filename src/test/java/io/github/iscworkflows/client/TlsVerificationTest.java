package io.github.iscworkflows.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client checks certificates against the JVM trust store, with no way around it. */
class TlsVerificationTest {

    @Test
    void untrustedCertificateFailsWithTrustStoreHint(@TempDir Path folder) throws Exception {
        SSLContext serverContext = selfSignedContext(folder);
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverContext.getSocketFactory());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            IscClient client =
                    new IscClient(IscClientConfig.builder("https://127.0.0.1:" + server.getPort(), "id", "tls-secret")
                            .time(new FakeTime())
                            .build());

            IscException e = assertThrows(IscException.class, () -> client.getWorkflow("w1"));
            client.close();

            assertTrue(
                    e.getMessage().startsWith("POST /oauth/token failed: the TLS connection to 127.0.0.1 failed ("),
                    e.getMessage());
            assertTrue(e.getMessage().contains("PKIX path building failed"), e.getMessage());
            assertTrue(
                    e.getMessage()
                            .endsWith("). If a proxy or the tenant presents a certificate from a private CA, add that"
                                    + " CA to a trust store and pass -Djavax.net.ssl.trustStore=PATH in MAVEN_OPTS."),
                    e.getMessage());
            assertEquals(0, server.getRequestCount());
        }
    }

    /** Creates a TLS context whose key is a self-signed certificate for 127.0.0.1, made with the JDK's keytool. */
    private static SSLContext selfSignedContext(Path folder) throws Exception {
        Path keyStoreFile = folder.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStoreFile.toString(),
                        "-storepass",
                        "changeit"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}

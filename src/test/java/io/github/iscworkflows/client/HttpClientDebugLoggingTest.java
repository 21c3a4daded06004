package io.github.iscworkflows.client;

import static io.github.iscworkflows.client.ScriptedIsc.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Runs the client in a separate JVM with every {@code org.apache.hc} logger at debug (as {@code mvn -X}
 * sets them through Maven's SLF4J) and checks that HttpClient's own logging shows no secret.
 */
class HttpClientDebugLoggingTest {

    static final String SECRET = "debug-s3cr3t-Value";
    static final String TOKEN = "debug-token-Value-7";
    static final String PROXY_PASSWORD = "proxy-Pa55word";

    @Test
    void httpClientDebugLoggingShowsNoSecretTokenOrAuthorizationHeader() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                        "-Dorg.slf4j.simpleLogger.logFile=System.out",
                        Probe.class.getName())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String text = new String(output, StandardCharsets.UTF_8);

        assertEquals(0, process.exitValue(), text);
        assertTrue(text.contains("probe done"), text);
        // HttpClient did log at debug, so the check below is not vacuous.
        assertTrue(text.contains("org.apache.hc.client5"), text);
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(TOKEN), text);
        assertFalse(text.toLowerCase(Locale.ROOT).contains("authorization"), text);
        assertFalse(text.contains("client_secret"), text);
        assertFalse(text.contains(PROXY_PASSWORD), text);
        String basic =
                Base64.getEncoder().encodeToString(("proxy-user:" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertFalse(text.contains(basic), text);
    }

    /** The child JVM: token, read and create against a MockWebServer on 127.0.0.1, then a read through a proxy. */
    public static final class Probe {

        public static void main(String[] args) throws IOException, IscException {
            ScriptedIsc isc = new ScriptedIsc();
            isc.token(json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":749}"))
                    .then(json(200, "{\"id\":\"w1\",\"name\":\"Probe\"}"))
                    .then(json(201, "{\"id\":\"w2\",\"name\":\"Probe\"}"));
            try (MockWebServer server = new MockWebServer()) {
                server.setDispatcher(isc);
                server.start(InetAddress.getByName("127.0.0.1"), 0);
                IscClientConfig config = IscClientConfig.builder(
                                "http://127.0.0.1:" + server.getPort(), "probe-client", SECRET)
                        .build();
                try (IscClient client = new IscClient(config)) {
                    client.getWorkflow("w1");
                    JsonObject body = new JsonObject();
                    body.addProperty("name", "Probe");
                    client.createWorkflow(body);
                }
            }
            // Through an authenticating proxy (a second MockWebServer acting as one): a 407 challenge, then
            // requests with a Proxy-Authorization header.
            ScriptedIsc proxied = new ScriptedIsc();
            proxied.token(new MockResponse.Builder()
                            .code(407)
                            .addHeader("Proxy-Authenticate", "Basic realm=\"corp\"")
                            .build())
                    .token(json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":749}"))
                    .then(json(200, "{\"id\":\"w1\",\"name\":\"Probe\"}"));
            try (MockWebServer proxy = new MockWebServer()) {
                proxy.setDispatcher(proxied);
                proxy.start(InetAddress.getByName("127.0.0.1"), 0);
                IscClientConfig config = IscClientConfig.builder(
                                "http://127.0.0.1:" + proxy.getPort(), "probe-client", SECRET)
                        .proxy(new ProxyConfig("127.0.0.1", proxy.getPort(), "proxy-user", PROXY_PASSWORD))
                        .build();
                try (IscClient client = new IscClient(config)) {
                    client.getWorkflow("w1");
                }
                List<String> proxyAuthorizations = proxied.requests().stream()
                        .map(r -> String.valueOf(r.getHeaders().get("Proxy-Authorization")))
                        .toList();
                if (proxyAuthorizations.size() != 3
                        || proxyAuthorizations.get(1).equals("null")) {
                    throw new IllegalStateException(
                            "the proxy was not used as expected: " + proxyAuthorizations.size() + " requests");
                }
            }
            System.out.println("probe done");
        }
    }
}

package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.iscworkflows.client.ConnectionParameters;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.ProxyConfig;
import io.github.iscworkflows.support.RecordingLog;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

class SettingsProxyTest {

    @Test
    void clientGoesThroughAuthenticatingProxy(@TempDir Path folder) throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = folder.resolve("settings-security.xml");
        Files.writeString(
                security,
                "<settingsSecurity><master>" + cipher.encryptAndDecorate("master-password", "settings.security")
                        + "</master></settingsSecurity>");
        SettingsDecrypter decrypter =
                new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
        AuthenticatingProxy proxy = new AuthenticatingProxy("proxy-user", "proxy-pass");
        try (MockWebServer proxyServer = new MockWebServer()) {
            proxyServer.setDispatcher(proxy);
            proxyServer.start(InetAddress.getByName("127.0.0.1"), 0);
            Settings settings = new Settings();
            settings.addProxy(proxy(
                    "corp",
                    "http",
                    proxyServer.getPort(),
                    "proxy-user",
                    cipher.encryptAndDecorate("proxy-pass", "master-password"),
                    null));
            RecordingLog log = new RecordingLog();
            ConnectionResolver resolver = new ConnectionResolver(settings, decrypter, Map.of(), log);

            int requestCount;
            try (IscApi api = resolver.open(parameters("http://127.0.0.1:9"))) {
                api.getWorkflow("w1");
                requestCount = api.requestCount();
            }

            List<String> targets =
                    proxy.requests.stream().map(RecordedRequest::getTarget).toList();
            assertEquals(
                    List.of(
                            "http://127.0.0.1:9/oauth/token",
                            "http://127.0.0.1:9/oauth/token",
                            "http://127.0.0.1:9/v2025/workflows/w1?workflowMetrics=false"),
                    targets);
            assertEquals(List.of(407, 200, 200), proxy.codes);
            assertEquals(3, requestCount);
            String expected = "Basic "
                    + Base64.getEncoder().encodeToString("proxy-user:proxy-pass".getBytes(StandardCharsets.UTF_8));
            assertEquals(expected, proxy.requests.get(2).getHeaders().get("Proxy-Authorization"));
            assertTrue(log.lines()
                    .contains("[debug] Connecting to the ISC tenant through the settings.xml proxy" + " 127.0.0.1:"
                            + proxyServer.getPort() + " (as proxy-user)."));
            assertFalse(String.join("\n", log.lines()).contains("proxy-pass"));
        }
    }

    @Test
    void nonProxyHostsBypassTheProxy() throws Exception {
        Settings settings = new Settings();
        settings.addProxy(proxy("corp", "https", 3128, null, null, "*.internal|acme.api.identitynow.com"));

        assertNull(SettingsProxySelector.select(settings, null, "https", "acme.api.identitynow.com"));
        assertEquals(
                new ProxyConfig("proxy.example.com", 3128, null, null),
                SettingsProxySelector.select(settings, null, "https", "other.api.identitynow.com"));
    }

    @Test
    void inactiveProxyIsIgnored() throws Exception {
        Settings settings = new Settings();
        Proxy inactive = proxy("corp", "https", 3128, null, null, null);
        inactive.setActive(false);
        settings.addProxy(inactive);

        assertNull(SettingsProxySelector.select(settings, null, "https", "acme.api.identitynow.com"));
    }

    @Test
    void httpsProxyIsPreferredOverHttpProxy() throws Exception {
        Settings settings = new Settings();
        settings.addProxy(proxy("plain", "http", 8080, null, null, null));
        settings.addProxy(proxy("secure", "https", 8443, null, null, null));

        assertEquals(
                8443,
                SettingsProxySelector.select(settings, null, "https", "acme.api.identitynow.com")
                        .port());
        assertEquals(
                8080,
                SettingsProxySelector.select(settings, null, "http", "127.0.0.1")
                        .port());
    }

    @Test
    void httpProxyServesHttpsWhenNoHttpsProxy() throws Exception {
        Settings settings = new Settings();
        settings.addProxy(proxy("plain", "http", 8080, null, null, null));

        assertEquals(
                8080,
                SettingsProxySelector.select(settings, null, "https", "acme.api.identitynow.com")
                        .port());
    }

    private static Proxy proxy(String id, String protocol, int port, String user, String password, String nonProxy) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setProtocol(protocol);
        proxy.setHost(port == 3128 || port == 8080 || port == 8443 ? "proxy.example.com" : "127.0.0.1");
        proxy.setPort(port);
        proxy.setUsername(user);
        proxy.setPassword(password);
        proxy.setNonProxyHosts(nonProxy);
        return proxy;
    }

    private static ConnectionParameters parameters(String url) {
        return new ConnectionParameters(
                url,
                "id",
                "client-secret-value",
                null,
                "v2025",
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                0,
                List.of(),
                null,
                false,
                false);
    }

    /** A forward proxy that wants Basic credentials and then plays the tenant itself. */
    static final class AuthenticatingProxy extends Dispatcher {
        final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> codes = Collections.synchronizedList(new ArrayList<>());
        private final String expected;

        AuthenticatingProxy(String user, String password) {
            expected = "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            if (!expected.equals(request.getHeaders().get("Proxy-Authorization"))) {
                codes.add(407);
                return new MockResponse.Builder()
                        .code(407)
                        .addHeader("Proxy-Authenticate", "Basic realm=\"corp\"")
                        .build();
            }
            String body = request.getUrl().encodedPath().equals("/oauth/token")
                    ? "{\"access_token\":\"t\",\"expires_in\":749}"
                    : "{\"id\":\"w1\"}";
            codes.add(200);
            return new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/json")
                    .body(body)
                    .build();
        }
    }
}

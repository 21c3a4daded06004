package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.iscworkflows.client.ConnectionParameters;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.support.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

class ConnectionResolverTest {

    static final String TENANT = "https://acme.api.identitynow.com";

    final RecordingLog log = new RecordingLog();
    final Settings settings = new Settings();

    @Test
    void configurationWinsOverServerAndEnvironment() throws Exception {
        settings.addServer(server("isc", "server-id", "server-secret"));
        ConnectionResolver resolver = resolver(null, environment());

        ResolvedConnection connection = resolver.resolve(parameters(TENANT, "config-id", "config-secret", "isc"));

        assertEquals(TENANT, connection.url().toString());
        assertEquals("config-id", connection.clientId());
        assertEquals("config-secret", connection.clientSecret());
        assertEquals(
                List.of(
                        "[info] ISC tenant URL, client id and client secret from the plugin configuration or isc.*"
                                + " properties.",
                        "[warn] The client secret comes from <clientSecret> or -Disc.clientSecret, and Maven's debug"
                                + " output (-X) prints that parameter in clear text. Keep the secret in the password of"
                                + " a settings.xml <server> named by <serverId> (-Disc.serverId) or in the environment"
                                + " variable SAIL_CLIENT_SECRET instead, and remove this build log if others can read"
                                + " it."),
                log.lines());
    }

    @Test
    void configuredSecretIsNotWarnedAboutWithoutDebugLogging() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        BuildLog quiet = new BuildLog() {
            @Override
            public void debug(String message) {}

            @Override
            public void info(String message) {
                lines.add("[info] " + message);
            }

            @Override
            public void warn(String message) {
                lines.add("[warn] " + message);
            }

            @Override
            public boolean isDebugEnabled() {
                return false;
            }
        };
        ConnectionResolver resolver = new ConnectionResolver(settings, null, Map.of(), quiet);

        resolver.resolve(parameters(TENANT, "config-id", "config-secret", null));

        assertEquals(
                List.of("[info] ISC tenant URL, client id and client secret from the plugin configuration or isc.*"
                        + " properties."),
                lines);
    }

    @Test
    void serverWinsOverEnvironment() throws Exception {
        settings.addServer(server("isc", "server-id", "server-secret"));
        ConnectionResolver resolver = resolver(null, environment());

        ResolvedConnection connection = resolver.resolve(parameters(null, null, null, "isc"));

        assertEquals("https://env.api.identitynow.com", connection.url().toString());
        assertEquals("server-id", connection.clientId());
        assertEquals("server-secret", connection.clientSecret());
        assertEquals(
                List.of("[info] ISC tenant URL from the environment variable SAIL_BASE_URL; client id from the"
                        + " settings.xml server 'isc' (username); client secret from the settings.xml server 'isc'"
                        + " (password)."),
                log.lines());
    }

    @Test
    void environmentIsTheLastResort() throws Exception {
        ConnectionResolver resolver = resolver(null, environment());

        ResolvedConnection connection = resolver.resolve(parameters(null, null, null, null));

        assertEquals("env-id", connection.clientId());
        assertEquals("env-secret", connection.clientSecret());
    }

    @Test
    void encryptedServerPasswordIsDecrypted(@TempDir Path folder) throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = folder.resolve("settings-security.xml");
        Files.writeString(
                security,
                "<settingsSecurity><master>" + cipher.encryptAndDecorate("master-password", "settings.security")
                        + "</master></settingsSecurity>");
        settings.addServer(
                server("isc", "server-id", cipher.encryptAndDecorate("decrypted-secret", "master-password")));
        SettingsDecrypter decrypter =
                new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
        ConnectionResolver resolver = new ConnectionResolver(settings, decrypter, Map.of(), log);

        ResolvedConnection connection = resolver.resolve(parameters(TENANT, null, null, "isc"));

        assertEquals("decrypted-secret", connection.clientSecret());
        assertFalse(String.join("\n", log.lines()).contains("decrypted-secret"));
    }

    @Test
    void undecryptablePasswordFails(@TempDir Path folder) throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        settings.addServer(
                server("isc", "server-id", cipher.encryptAndDecorate("decrypted-secret", "master-password")));
        SettingsDecrypter decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(
                cipher, Map.of(), folder.resolve("absent.xml").toString()));
        ConnectionResolver resolver = new ConnectionResolver(settings, decrypter, Map.of(), log);

        MojoFailureException e =
                assertThrows(MojoFailureException.class, () -> resolver.resolve(parameters(TENANT, null, null, "isc")));

        assertTrue(
                e.getMessage().startsWith("Cannot decrypt the password of <server> 'isc' in settings.xml: "),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith(". Check ~/.m2/settings-security.xml, or encrypt the secret again with mvn"
                                + " --encrypt-password."),
                e.getMessage());
        assertFalse(e.getMessage().contains("decrypted-secret"));
    }

    @Test
    void unknownServerIdFails() {
        ConnectionResolver resolver = resolver(null, Map.of());

        MojoFailureException e = assertThrows(
                MojoFailureException.class, () -> resolver.resolve(parameters(TENANT, null, null, "prod")));

        assertEquals(
                "settings.xml has no <server> with <id>prod</id>, which <serverId> (-Disc.serverId) names. Add the"
                        + " server with the client id as <username> and the client secret as <password>, or correct"
                        + " the id.",
                e.getMessage());
    }

    @Test
    void missingSettingsNameEveryWayToSetThem() {
        ConnectionResolver resolver = resolver(null, Map.of());

        MojoFailureException e =
                assertThrows(MojoFailureException.class, () -> resolver.resolve(parameters(null, null, null, null)));

        assertEquals(
                "Missing ISC connection settings: the tenant URL: set <url> in the plugin configuration, pass"
                        + " -Disc.url=https://TENANT.api.identitynow.com, or set the environment variable"
                        + " SAIL_BASE_URL; the client id: set <clientId> or -Disc.clientId, the <username> of a"
                        + " settings.xml <server> named by <serverId> (-Disc.serverId), or the environment variable"
                        + " SAIL_CLIENT_ID; the client secret: set the <password> of a settings.xml <server> named by"
                        + " <serverId> (-Disc.serverId), <clientSecret> or -Disc.clientSecret, or the environment"
                        + " variable SAIL_CLIENT_SECRET.",
                e.getMessage());
    }

    @Test
    void plainHttpIsRejectedForRemoteHosts() {
        ConnectionResolver resolver = resolver(null, Map.of());

        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> resolver.open(parameters("http://acme.api.identitynow.com", "id", "secret", null)));

        assertEquals(
                "The ISC tenant URL 'http://acme.api.identitynow.com' uses http, which would send the client secret"
                        + " unencrypted. Use https (plain http is accepted only for loopback hosts such as the"
                        + " emulator on 127.0.0.1).",
                e.getMessage());
    }

    @Test
    void plainHttpIsAcceptedForLoopbackHosts() throws Exception {
        ConnectionResolver resolver = resolver(null, Map.of());

        for (String url :
                List.of("http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:1", "http://[::1]:9")) {
            try (IscApi api = resolver.open(parameters(url, "id", "secret", null))) {
                assertEquals(0, api.requestCount());
            }
        }
    }

    @Test
    void urlWithApiVersionIsRejected() {
        ConnectionResolver resolver = resolver(null, Map.of());

        MojoFailureException e = assertThrows(
                MojoFailureException.class, () -> resolver.open(parameters(TENANT + "/v2025/", "id", "secret", null)));

        assertEquals(
                "The ISC tenant URL 'https://acme.api.identitynow.com/v2025/' ends with an API version. Set <url>"
                        + " (-Disc.url) to the tenant API base without it, such as"
                        + " https://acme.api.identitynow.com, and the version with <apiVersion> (-Disc.apiVersion).",
                e.getMessage());
    }

    @Test
    void offlineModeFailsAtOnce() {
        ConnectionResolver resolver = resolver(null, Map.of());
        ConnectionParameters offline = new ConnectionParameters(
                TENANT,
                "id",
                "secret",
                null,
                "v2025",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                0,
                List.of(),
                null,
                true,
                false);

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> resolver.open(offline));

        assertEquals(
                "Maven runs in offline mode (-o), but this goal needs the ISC tenant acme.api.identitynow.com. Run"
                        + " the build without -o, or skip this goal with its own skip property (for example"
                        + " -Disc.deploy.skip=true); -Disc.skip=true would skip isc:validate too. Only loopback URLs,"
                        + " such as the emulator's, work offline.",
                e.getMessage());
    }

    @Test
    void offlineModeAllowsLoopbackTenants() throws Exception {
        ConnectionResolver resolver = resolver(null, Map.of());
        for (String url : List.of("http://127.0.0.1:8089", "http://localhost:8089", "http://[::1]:8089")) {
            ConnectionParameters offline = new ConnectionParameters(
                    url,
                    "id",
                    "secret",
                    null,
                    "v2025",
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    0,
                    List.of(),
                    null,
                    true,
                    true);

            try (IscApi api = resolver.open(offline)) {
                assertEquals(0, api.requestCount(), url);
            }
        }
    }

    @Test
    void readOnlyTenantRefusesWritingGoal() {
        ConnectionResolver resolver = resolver(null, Map.of());
        ConnectionParameters writing = writing(List.of("dev.example.com", "*.api.identitynow.com"), null, true);

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> resolver.open(writing));

        assertEquals(
                "The tenant acme.api.identitynow.com matches '*.api.identitynow.com' in <readOnlyTenants>"
                        + " (-Disc.readOnlyTenants), so this goal does not write to it. Point <url> (-Disc.url) at"
                        + " another tenant, remove the entry, or preview the changes with -Disc.dryRun=true.",
                e.getMessage());
    }

    @Test
    void readOnlyTenantAllowsReadingGoal() throws Exception {
        ConnectionResolver resolver = resolver(null, Map.of());

        try (IscApi api = resolver.open(writing(List.of("https://ACME.api.identitynow.com/"), null, false))) {
            assertEquals(0, api.requestCount());
        }
    }

    @Test
    void expectTenantMismatchFails() {
        ConnectionResolver resolver = resolver(null, Map.of());

        MojoFailureException e =
                assertThrows(MojoFailureException.class, () -> resolver.open(writing(List.of(), "acme-sb", false)));

        assertEquals(
                "The tenant URL https://acme.api.identitynow.com does not point at the expected tenant 'acme-sb'"
                        + " (<expectTenant>, -Disc.expectTenant). Check <url> (-Disc.url) and the active profile.",
                e.getMessage());
    }

    @Test
    void expectTenantMatchesHostOrFirstLabel() throws Exception {
        ConnectionResolver resolver = resolver(null, Map.of());

        for (String expected :
                List.of("acme", "ACME", "acme.api.identitynow.com", "https://acme.api.identitynow.com")) {
            try (IscApi api = resolver.open(writing(List.of(), expected, false))) {
                assertEquals(0, api.requestCount());
            }
        }
    }

    @Test
    void parametersPrintWithoutSecret() {
        String printed = parameters(TENANT, "id", "config-secret", null).toString();

        assertFalse(printed.contains("config-secret"), printed);
        assertTrue(printed.contains("clientSecret=****"), printed);
    }

    private ConnectionResolver resolver(SettingsDecrypter decrypter, Map<String, String> environment) {
        return new ConnectionResolver(settings, decrypter, environment, log);
    }

    private static Map<String, String> environment() {
        return Map.of(
                "SAIL_BASE_URL", "https://env.api.identitynow.com",
                "SAIL_CLIENT_ID", "env-id",
                "SAIL_CLIENT_SECRET", "env-secret");
    }

    static Server server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        return server;
    }

    @Test
    void unknownApiVersionFailsBeforeNetwork() {
        ConnectionParameters given = parameters("http://127.0.0.1:9", "id", "secret", null);
        ConnectionParameters wrongVersion = new ConnectionParameters(
                given.url(),
                given.clientId(),
                given.clientSecret(),
                null,
                "v9",
                given.connectTimeout(),
                given.responseTimeout(),
                0,
                List.of(),
                null,
                false,
                false);

        ConnectionResolver resolver = resolver(null, environment());

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> resolver.open(wrongVersion));

        assertEquals(
                "<apiVersion> (-Disc.apiVersion) is 'v9', which is not an ISC API version. Use v2025 (the default),"
                        + " or another version ISC publishes such as v2024, v2026, v3 or beta.",
                e.getMessage());
    }

    static ConnectionParameters parameters(String url, String clientId, String clientSecret, String serverId) {
        return new ConnectionParameters(
                url,
                clientId,
                clientSecret,
                serverId,
                "v2025",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                0,
                List.of(),
                null,
                false,
                false);
    }

    private static ConnectionParameters writing(List<String> readOnlyTenants, String expectTenant, boolean writes) {
        return new ConnectionParameters(
                TENANT,
                "id",
                "secret",
                null,
                "v2025",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                0,
                readOnlyTenants,
                expectTenant,
                false,
                writes);
    }
}

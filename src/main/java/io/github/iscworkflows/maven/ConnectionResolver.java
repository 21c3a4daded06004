package io.github.iscworkflows.maven;

import io.github.iscworkflows.client.ConnectionParameters;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscClient;
import io.github.iscworkflows.client.IscClientConfig;
import io.github.iscworkflows.client.LoopbackHosts;
import io.github.iscworkflows.client.ProxyConfig;
import io.github.iscworkflows.support.BuildLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Completes the user's connection parameters from settings.xml and the environment, checks them,
 * and opens a client.
 */
final class ConnectionResolver {

    static final String ENV_URL = "SAIL_BASE_URL";
    static final String ENV_CLIENT_ID = "SAIL_CLIENT_ID";
    static final String ENV_CLIENT_SECRET = "SAIL_CLIENT_SECRET";

    /** Timeouts used when the parameters leave them unset, the same as the goals' defaults. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(120);

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> environment;
    private final BuildLog log;

    ConnectionResolver(Settings settings, SettingsDecrypter decrypter, Map<String, String> environment, BuildLog log) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment == null ? Map.of() : environment;
        this.log = log;
    }

    /**
     * Resolves url and credentials (configuration, then the settings.xml server, then
     * {@code SAIL_BASE_URL}, {@code SAIL_CLIENT_ID}, {@code SAIL_CLIENT_SECRET}) and opens a client.
     *
     * @throws MojoFailureException when the configuration is incomplete or refused
     */
    IscApi open(ConnectionParameters given) throws MojoFailureException, MojoExecutionException {
        String apiVersion = given.apiVersion() == null || given.apiVersion().isBlank() ? "v2025" : given.apiVersion();
        if (!API_VERSION.matcher(apiVersion).matches()) {
            // Every call of a wrong version returns 404, which the goals would read as missing workflows.
            throw new MojoFailureException("<apiVersion> (-Disc.apiVersion) is '" + apiVersion + "', which is not an"
                    + " ISC API version. Use v2025 (the default), or another version ISC publishes such as v2024,"
                    + " v2026, v3 or beta.");
        }
        ResolvedConnection connection = resolve(given);
        boolean offline = given.offline() || (settings != null && settings.isOffline());
        // A loopback tenant (the emulator) is reached without the network, so offline mode allows it.
        if (offline && !LoopbackHosts.isLoopback(connection.url().getHost())) {
            throw new MojoFailureException("Maven runs in offline mode (-o), but this goal needs the ISC tenant "
                    + connection.url().getHost() + ". Run the build without -o, or skip this goal with its own skip"
                    + " property (for example -Disc.deploy.skip=true); -Disc.skip=true would skip isc:validate too."
                    + " Only loopback URLs, such as the emulator's, work offline.");
        }
        TenantGuard.check(connection.url(), given);
        ProxyConfig proxy = SettingsProxySelector.select(
                settings,
                decrypter,
                connection.url().getScheme(),
                connection.url().getHost());
        if (proxy != null) {
            log.debug("Connecting to the ISC tenant through the settings.xml proxy " + proxy + ".");
        }
        IscClientConfig config = IscClientConfig.builder(
                        connection.url().toString(), connection.clientId(), connection.clientSecret())
                .apiVersion(apiVersion)
                .connectTimeout(orDefault(given.connectTimeout(), DEFAULT_CONNECT_TIMEOUT))
                .responseTimeout(orDefault(given.responseTimeout(), DEFAULT_RESPONSE_TIMEOUT))
                .maxRetries(given.maxRetries())
                .proxy(proxy)
                .log(log)
                .build();
        return new IscClient(config);
    }

    /** Finds url, client id and secret in the documented order and logs where each came from. */
    ResolvedConnection resolve(ConnectionParameters given) throws MojoFailureException {
        Server server = server(given.serverId());
        Source url = firstOf(
                new Source(given.url(), CONFIGURATION),
                new Source(environment.get(ENV_URL), "the environment variable " + ENV_URL));
        Source clientId = firstOf(
                new Source(given.clientId(), CONFIGURATION),
                new Source(server == null ? null : server.getUsername(), serverSource(given.serverId(), "username")),
                new Source(environment.get(ENV_CLIENT_ID), "the environment variable " + ENV_CLIENT_ID));
        Source clientSecret = firstOf(
                new Source(given.clientSecret(), CONFIGURATION),
                new Source(server == null ? null : server.getPassword(), serverSource(given.serverId(), "password")),
                new Source(environment.get(ENV_CLIENT_SECRET), "the environment variable " + ENV_CLIENT_SECRET));
        List<String> missing = new ArrayList<>();
        if (url == null) {
            missing.add("the tenant URL: set <url> in the plugin configuration, pass -Disc.url=https://TENANT.api"
                    + ".identitynow.com, or set the environment variable " + ENV_URL);
        }
        if (clientId == null) {
            missing.add("the client id: set <clientId> or -Disc.clientId, the <username> of a settings.xml <server>"
                    + " named by <serverId> (-Disc.serverId), or the environment variable " + ENV_CLIENT_ID);
        }
        if (clientSecret == null) {
            missing.add("the client secret: set the <password> of a settings.xml <server> named by <serverId>"
                    + " (-Disc.serverId), <clientSecret> or -Disc.clientSecret, or the environment variable "
                    + ENV_CLIENT_SECRET);
        }
        if (!missing.isEmpty()) {
            throw new MojoFailureException("Missing ISC connection settings: " + String.join("; ", missing) + ".");
        }
        log.info(describeSources(url, clientId, clientSecret));
        ResolvedConnection connection =
                new ResolvedConnection(TenantGuard.parseUrl(url.value()), clientId.value(), clientSecret.value());
        if (clientSecret.origin().equals(CONFIGURATION)
                && log.isDebugEnabled()
                && !LoopbackHosts.isLoopback(connection.url().getHost())) {
            log.warn(SECRET_SHOWN_BY_DEBUG);
        }
        return connection;
    }

    private Server server(String serverId) throws MojoFailureException {
        if (serverId == null || serverId.isBlank()) {
            return null;
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("settings.xml has no <server> with <id>" + serverId + "</id>, which"
                    + " <serverId> (-Disc.serverId) names. Add the server with the client id as <username> and the"
                    + " client secret as <password>, or correct the id.");
        }
        if (decrypter == null) {
            return server;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!result.getProblems().isEmpty()) {
            throw new MojoFailureException("Cannot decrypt the password of <server> '" + serverId
                    + "' in settings.xml: "
                    + result.getProblems().get(0).getMessage() + ". Check ~/.m2/settings-security.xml, or encrypt"
                    + " the secret again with mvn --encrypt-password.");
        }
        return result.getServer();
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    /** One log line naming where url, client id and secret came from, never their values. */
    private static String describeSources(Source url, Source clientId, Source clientSecret) {
        if (url.origin().equals(clientId.origin()) && url.origin().equals(clientSecret.origin())) {
            return "ISC tenant URL, client id and client secret from " + url.origin() + ".";
        }
        return "ISC tenant URL from " + url.origin() + "; client id from " + clientId.origin() + "; client secret from "
                + clientSecret.origin() + ".";
    }

    private static String serverSource(String serverId, String field) {
        return "the settings.xml server '" + serverId + "' (" + field + ")";
    }

    private static Source firstOf(Source... sources) {
        for (Source source : sources) {
            if (source.value() != null && !source.value().isBlank()) {
                return source;
            }
        }
        return null;
    }

    /** A value and where it was found, for the log line that names sources but never values. */
    /** ISC's API version path segments: the dated versions, v3 and beta. */
    private static final java.util.regex.Pattern API_VERSION = java.util.regex.Pattern.compile("v20\\d\\d|v3|beta");

    /** Values set in the pom, with -D, or by isc:emulator-start, which sets the isc.* properties. */
    private static final String CONFIGURATION = "the plugin configuration or isc.* properties";

    /**
     * Warning for a configured secret under {@code -X}: Maven prints every mojo parameter before the goal
     * runs, and the plugin cannot stop that. Loopback tenants are exempt because the emulator's secret is not one.
     */
    static final String SECRET_SHOWN_BY_DEBUG = "The client secret comes from <clientSecret> or -Disc.clientSecret,"
            + " and Maven's debug output (-X) prints that parameter in clear text. Keep the secret in the password"
            + " of a settings.xml <server> named by <serverId> (-Disc.serverId) or in the environment variable "
            + ENV_CLIENT_SECRET + " instead, and remove this build log if others can read it.";

    private record Source(String value, String origin) {}
}

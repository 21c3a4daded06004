package io.github.iscworkflows.client;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Apache HttpClient the transport uses: no automatic retries or redirects (the client owns
 * its retry policy), explicit timeouts, certificate and host name checks against the JVM's default
 * trust store ({@code javax.net.ssl.trustStore} when set), and the proxy if one is configured.
 */
final class HttpClientFactory {

    /** Parallel connections to the tenant; deploy may run writes in parallel. */
    private static final int MAX_CONNECTIONS = 16;

    private HttpClientFactory() {}

    /**
     * Builds the client; {@code requestCount} is incremented for every request message it sends, including
     * repeats after a proxy authentication challenge.
     */
    static CloseableHttpClient create(IscClientConfig config, AtomicInteger requestCount) {
        Timeout connect = Timeout.of(config.connectTimeout);
        Timeout response = Timeout.of(config.responseTimeout);
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(QuietConnectionFactory.INSTANCE)
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(SSLContexts.createSystemDefault())
                        .buildClassic())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(response)
                        // A POST is not resent after a broken connection, so check pooled connections
                        // that were idle for a second before reusing them.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
        RequestConfig requests = RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(response)
                .setRedirectsEnabled(false)
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requests)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("isc-maven-plugin")
                .addRequestInterceptorLast((request, entity, context) -> requestCount.incrementAndGet());
        ProxyConfig proxy = config.proxy;
        if (proxy != null) {
            builder.setProxy(new HttpHost(proxy.host(), proxy.port()));
            if (proxy.username() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                char[] password = proxy.password() == null
                        ? new char[0]
                        : proxy.password().toCharArray();
                credentials.setCredentials(
                        new AuthScope(proxy.host(), proxy.port()),
                        new UsernamePasswordCredentials(proxy.username(), password));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        return builder.build();
    }
}

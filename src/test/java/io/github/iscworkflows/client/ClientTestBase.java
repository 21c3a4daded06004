package io.github.iscworkflows.client;

import io.github.iscworkflows.support.RecordingLog;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A scripted ISC on 127.0.0.1, a fake clock and a capturing log, shared by the client tests. */
abstract class ClientTestBase {

    static final String CLIENT_ID = "build-client";
    static final String SECRET = "s3cr3t-Value-42";

    final ScriptedIsc isc = new ScriptedIsc();
    final FakeTime time = new FakeTime();
    final RecordingLog log = new RecordingLog();
    MockWebServer server;
    IscClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(isc);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = new IscClient(config().build());
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }

    /** Settings for a fast test: short timeouts, a fixed jitter, the fake clock and no rate limiter. */
    IscClientConfig.Builder config() {
        return IscClientConfig.builder(baseUrl(), CLIENT_ID, SECRET)
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofMillis(500))
                .maxRetries(3)
                .time(time)
                .random(() -> 0.5)
                .log(log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Replaces the client, for tests that need other settings. */
    void useClient(IscClientConfig.Builder builder) {
        client.close();
        client = new IscClient(builder.build());
    }
}

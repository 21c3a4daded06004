package io.github.iscworkflows.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small ISC tenant on 127.0.0.1: OAuth token, workflows with executions and the library,
 * Parameter Storage with references, identities, ISC-shaped errors, a rate limit, injectable faults
 * and request statistics. API paths take a version prefix ({@code /v2025}, {@code /v2026},
 * {@code /v2024}, {@code /v3}, {@code /beta}); emulator-only endpoints live under {@code /emulator/}.
 *
 * <p>All threads are daemon threads, so a forgotten instance does not keep a JVM alive.
 */
public final class IscEmulator implements AutoCloseable {

    private final EmulatorOptions options;
    private final EmulatorState state = new EmulatorState();
    private final RequestStats stats = new RequestStats();
    private final Faults faults = new Faults();
    private final RequestRecorder recorder = new RequestRecorder();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger stopCalls = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;
    private String url;

    private IscEmulator(EmulatorOptions options) {
        this.options = options;
    }

    /**
     * Seeds the state from {@code options.stateFile()} when set, binds 127.0.0.1 and starts serving.
     *
     * @throws IOException when the port cannot be bound or the seed file cannot be read
     * @throws IllegalArgumentException when the seed file is not a valid state document
     */
    public static IscEmulator start(EmulatorOptions options) throws IOException {
        IscEmulator emulator = new IscEmulator(options);
        emulator.seed();
        emulator.serve();
        return emulator;
    }

    private void seed() throws IOException {
        if (options.stateFile() != null) {
            Path file = options.stateFile();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonElement seed;
            try {
                seed = JsonParser.parseString(text);
            } catch (JsonParseException e) {
                throw new IllegalArgumentException("Invalid emulator state file " + file + ": " + e.getMessage(), e);
            }
            if (!seed.isJsonObject()) {
                throw new IllegalArgumentException("Invalid emulator state file " + file
                        + ": expected an object with parameters, workflows, references, identities and mode.");
            }
            try {
                state.replace(seed.getAsJsonObject());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid emulator state file " + file + ": " + e.getMessage(), e);
            }
        }
        if (options.referenceMode() != null) {
            state.mode(options.referenceMode());
        }
    }

    private void serve() throws IOException {
        // Without TCP_NODELAY the JDK server's small responses can wait for delayed ACKs (about 40 ms each).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        TokenIssuer tokens = new TokenIssuer(options.tokenLifetime());
        List<Route> apiRoutes = new ArrayList<>();
        apiRoutes.addAll(new WorkflowApi(state, options.maxOffset()).routes());
        apiRoutes.addAll(new WorkflowRuns(state).routes());
        apiRoutes.addAll(new WorkflowLibrary().routes());
        apiRoutes.addAll(new ParameterStorageApi(state, options.maxOffset()).routes());
        Dispatcher dispatcher = new Dispatcher(
                apiRoutes,
                new ControlApi(this).routes(),
                new TokenEndpoint(options.clientId(), options.clientSecret(), tokens).route(),
                stats,
                faults,
                tokens,
                new RateLimiter(options.rateLimit(), options.rateLimitWindow()),
                recorder);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 128);
        server.createContext("/", dispatcher);
        executor = Executors.newFixedThreadPool(options.threads(), daemonThreads());
        server.setExecutor(executor);
        // The server's dispatcher thread inherits the daemon flag of the thread that starts it.
        Thread starter = new Thread(server::start, "isc-emulator-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IOException("Interrupted while starting the emulator", e);
        }
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Returns the tenant base URL, for example {@code http://127.0.0.1:41234}. API paths go below it. */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EmulatorOptions options() {
        return options;
    }

    /** Returns the tenant, to seed and inspect from tests. */
    public EmulatorState state() {
        return state;
    }

    public RequestStats stats() {
        return stats;
    }

    public Faults faults() {
        return faults;
    }

    /**
     * Starts or stops keeping every API request received (token requests included, emulator-only
     * calls not) for {@link #recordedRequests()}. Off at start.
     */
    public void recordRequests(boolean on) {
        recorder.recording(on);
    }

    /** Returns the requests kept since recording started or {@link #clearRecordedRequests()}, oldest first. */
    public List<RecordedRequest> recordedRequests() {
        return recorder.list();
    }

    public void clearRecordedRequests() {
        recorder.clear();
    }

    /**
     * Stops serving, then writes the state to {@code options.dumpFile()} when set. Calling it again
     * does nothing.
     *
     * @throws UncheckedIOException when the dump cannot be written
     */
    public void stop() {
        if (stopCalls.getAndIncrement() > 0) {
            return;
        }
        try {
            server.stop(0);
            executor.shutdownNow();
            dump();
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished, for example after {@code POST /emulator/shutdown}. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Like {@link #awaitStop()}, giving up after {@code millis}; returns whether it stopped. */
    public boolean awaitStop(long millis) throws InterruptedException {
        return stopped.await(millis, TimeUnit.MILLISECONDS);
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    @Override
    public void close() {
        stop();
    }

    private void dump() {
        Path file = options.dumpFile();
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Json.PRETTY.toJson(state.snapshot()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the emulator state to " + file + ": " + e.getMessage(), e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "isc-emulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package io.github.iscworkflows.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the emulator's start time and the requests per second it serves to concurrent loopback
 * clients. Every run is bounded by a request count and a time limit, and talks to 127.0.0.1 only.
 *
 * <p>Arguments (all optional): {@code clients=1,4,16} {@code requests=20000} {@code seconds=10}
 * {@code starts=20}.
 */
public final class EmulatorBench {

    private EmulatorBench() {}

    public static void main(String[] args) throws Exception {
        int[] clientCounts = Arrays.stream(argument(args, "clients", "1,4,16").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int requests = Integer.parseInt(argument(args, "requests", "20000"));
        Duration limit = Duration.ofSeconds(Long.parseLong(argument(args, "seconds", "10")));
        int starts = Integer.parseInt(argument(args, "starts", "20"));

        System.out.printf(
                "Java %s, %d processors, max heap %d MiB%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        measureStarts(starts);
        try (IscEmulator emulator =
                IscEmulator.start(EmulatorOptions.builder().noRateLimit().build())) {
            List<String> ids = seed(emulator, 50);
            String token = token(emulator);
            // Warm-up, not reported: lets the JIT compile the request path before the measured runs.
            run(emulator, token, ids, "warm-up", 4, 5000, limit, false, false);
            for (int clients : clientCounts) {
                run(emulator, token, ids, "GET /v2025/workflows/{id}", clients, requests, limit, false, true);
                run(emulator, token, ids, "PATCH /v2025/workflows/{id}", clients, requests, limit, true, true);
            }
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(
                    "heap used after the runs: %d MiB; requests counted by the emulator: %d%n",
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                    emulator.stats().total());
        }
    }

    private static void measureStarts(int count) {
        long[] millis = new long[count];
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            try (IscEmulator emulator = IscEmulator.start(EmulatorOptions.defaults())) {
                millis[i] = (System.nanoTime() - begin) / 1_000;
                emulator.url();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        long[] warm = Arrays.copyOfRange(millis, 1, count);
        Arrays.sort(warm);
        System.out.printf(
                "start: first (cold JVM) %.1f ms, next %d starts median %.1f ms, max %.1f ms%n",
                millis[0] / 1000.0, warm.length, warm[warm.length / 2] / 1000.0, warm[warm.length - 1] / 1000.0);
    }

    private static void run(
            IscEmulator emulator,
            String token,
            List<String> ids,
            String label,
            int clients,
            int requests,
            Duration limit,
            boolean write,
            boolean report)
            throws Exception {
        AtomicLong remaining = new AtomicLong(requests);
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long begin = System.nanoTime();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                List<Long> latencies = new ArrayList<>();
                int i = 0;
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    String id = ids.get((client * 7 + i++) % ids.size());
                    HttpRequest.Builder request = HttpRequest.newBuilder(
                                    URI.create(emulator.url() + "/v2025/workflows/" + id))
                            .header("Authorization", "Bearer " + token);
                    if (write) {
                        request.header("Content-Type", "application/json-patch+json")
                                .method(
                                        "PATCH",
                                        HttpRequest.BodyPublishers.ofString(
                                                "[{\"op\":\"add\",\"path\":\"/description\",\"value\":\"run " + i
                                                        + "\"}]"));
                    }
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - start);
                    if (response.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long latency : result.get()) {
                all.add(latency);
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdownNow();
        all.sort(null);
        if (!report) {
            return;
        }
        System.out.printf(
                "%-28s clients %3d: %6d requests in %5.2f s = %7.0f req/s, p50 %.2f ms, p99 %.2f ms, non-200 %d%n",
                label,
                clients,
                all.size(),
                seconds,
                all.size() / seconds,
                all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.99)) / 1e6,
                failures.get());
    }

    private static List<String> seed(IscEmulator emulator, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonObject workflow = JsonParser.parseString(
                            "{\"name\": \"Bench " + i + "\", \"definition\": {\"start\": \"End\","
                                    + " \"steps\": {\"End\": {\"type\": \"success\"}}}}")
                    .getAsJsonObject();
            ids.add(emulator.state().putWorkflow(workflow).get("id").getAsString());
        }
        return ids;
    }

    private static String token(IscEmulator emulator) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.url() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=emulator&client_secret=emulator"))
                .build();
        String body = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
        return JsonParser.parseString(body)
                .getAsJsonObject()
                .get("access_token")
                .getAsString();
    }

    private static String argument(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}

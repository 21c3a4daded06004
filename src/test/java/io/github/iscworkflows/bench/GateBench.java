package io.github.iscworkflows.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.client.IscClient;
import io.github.iscworkflows.client.IscClientConfig;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import io.github.iscworkflows.emulator.ReferenceMode;
import io.github.iscworkflows.references.ReferenceChecker;
import io.github.iscworkflows.references.ReferenceReport;
import io.github.iscworkflows.references.SelectedWorkflow;
import io.github.iscworkflows.support.BuildLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the reference gate on the embedded emulator: requests, wall time and heap for N
 * workflows (default 50), each with two credential objects.
 *
 * <p>A first run with a new client counts the token request too; the measured rounds reuse a token.
 * Two layouts: all workflows share one parameter pair (the usual case), and every workflow has
 * parameters of its own (the worst case for the per-parameter cache). Run with
 * {@code java -cp <test classpath> io.github.iscworkflows.bench.GateBench [workflows] [rounds]}, see
 * docs/benchmarks.md. The emulator's rate limit is off, so the time excludes ISC's 100 requests per
 * 10 s limit, which a real tenant enforces.
 */
public final class GateBench {

    private GateBench() {}

    public static void main(String[] args) throws Exception {
        int workflows = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.println("GateBench: " + workflows + " workflows, 2 credential objects each, " + rounds
                + " rounds after one warm-up round; emulator mode on-create, rate limit off.");
        run(workflows, rounds, true);
        run(workflows, rounds, false);
    }

    private static void run(int count, int rounds, boolean sharedParameters) throws Exception {
        EmulatorOptions options = EmulatorOptions.builder()
                .referenceMode(ReferenceMode.ON_CREATE)
                .noRateLimit()
                .build();
        try (IscEmulator emulator = IscEmulator.start(options);
                IscClient api = new IscClient(IscClientConfig.builder(emulator.url(), "emulator", "emulator")
                        .build())) {
            List<SelectedWorkflow> selected = new ArrayList<>();
            String sharedOauth =
                    emulator.state().addParameter("oauth", "1.4").get("id").getAsString();
            String sharedHeader =
                    emulator.state().addParameter("header", "3.1").get("id").getAsString();
            for (int i = 0; i < count; i++) {
                String oauth = sharedParameters
                        ? sharedOauth
                        : emulator.state()
                                .addParameter("oauth-" + i, "1.4")
                                .get("id")
                                .getAsString();
                String header = sharedParameters
                        ? sharedHeader
                        : emulator.state()
                                .addParameter("header-" + i, "3.1")
                                .get("id")
                                .getAsString();
                JsonObject created = api.createWorkflow(body("Flow " + i, oauth, header));
                selected.add(new SelectedWorkflow("Flow " + i, created.get("id").getAsString(), null, true));
            }
            int coldRequests;
            try (IscClient cold = new IscClient(IscClientConfig.builder(emulator.url(), "emulator", "emulator")
                    .build())) {
                coldRequests = new ReferenceChecker(cold, BuildLog.silent(), true)
                        .check(selected)
                        .requests();
            }
            ReferenceChecker checker = new ReferenceChecker(api, BuildLog.silent(), true);
            checker.check(selected);
            long bestNanos = Long.MAX_VALUE;
            long totalNanos = 0;
            ReferenceReport report = null;
            long served = 0;
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long heapBefore = runtime.totalMemory() - runtime.freeMemory();
            long heapPeak = heapBefore;
            for (int round = 0; round < rounds; round++) {
                emulator.stats().reset();
                long start = System.nanoTime();
                report = checker.check(selected);
                long elapsed = System.nanoTime() - start;
                served = emulator.stats().total();
                bestNanos = Math.min(bestNanos, elapsed);
                totalNanos += elapsed;
                heapPeak = Math.max(heapPeak, runtime.totalMemory() - runtime.freeMemory());
            }
            System.out.printf(
                    "  %-28s requests %d (client count %d, cold run with token %d), failures %d, best %.1f ms,"
                            + " mean %.1f ms, heap growth %.1f MB%n",
                    sharedParameters ? "shared parameters:" : "one parameter pair each:",
                    served,
                    report.requests(),
                    coldRequests,
                    report.failureCount(),
                    bestNanos / 1e6,
                    totalNanos / 1e6 / rounds,
                    (heapPeak - heapBefore) / 1e6);
        }
    }

    private static JsonObject body(String name, String oauthId, String headerId) {
        return JsonParser.parseString("""
                {"name": "%s", "enabled": false,
                 "trigger": {"type": "EVENT", "attributes": {"id": "idn:identity-attributes-changed"}},
                 "definition": {"start": "Call", "steps": {
                   "Call": {"actionId": "sp:http", "type": "action", "nextStep": "End",
                     "attributes": {"method": "get", "url": "https://crm.example.com/api",
                       "param_authenticationRef": "oauth",
                       "param_oauth": {"mapping": {}, "paramID": "%s", "paramType": "1.4"},
                       "param_header": {"mapping": {}, "paramID": "%s", "paramType": "3.1"}}},
                   "End": {"type": "success"}}}}
                """.formatted(name, oauthId, headerId)).getAsJsonObject();
    }
}

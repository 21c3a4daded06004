package io.github.iscworkflows.bench;

import io.github.iscworkflows.client.ClientTime;
import io.github.iscworkflows.client.IscClient;
import io.github.iscworkflows.client.IscClientConfig;
import io.github.iscworkflows.client.RequestRateLimiter;
import io.github.iscworkflows.deploy.DeployOptions;
import io.github.iscworkflows.deploy.DeployResult;
import io.github.iscworkflows.deploy.Deployer;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import io.github.iscworkflows.emulator.ReferenceMode;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.WorkflowLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deploys generated workflows to the embedded emulator, deploys them again unchanged, then deploys a
 * version with every description changed, and prints time, requests and heap for each run.
 *
 * <p>Arguments: {@code [workflows] [parallelism]}, default 200 and 4. Two rounds run: without a rate limit
 * (the cost of the plugin and HTTP on loopback) and with ISC's limit of 100 requests per 10 s on the
 * emulator plus the client-side limiter a real tenant gets (95 per 10 s).
 */
public final class DeployBench {

    private DeployBench() {}

    public static void main(String[] args) throws Exception {
        int workflows = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        System.out.printf(
                Locale.ROOT,
                "DeployBench: %d workflows, parallelism %d, Java %s, %d processors%n",
                workflows,
                parallelism,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        round("no rate limit", workflows, parallelism, false);
        round("ISC rate limit (100 per 10 s)", workflows, parallelism, true);
    }

    private static void round(String label, int count, int parallelism, boolean rateLimited) throws Exception {
        Path work = Files.createTempDirectory("isc-deploy-bench");
        EmulatorOptions.Builder emulatorOptions = EmulatorOptions.builder().referenceMode(ReferenceMode.ON_CREATE);
        if (!rateLimited) {
            emulatorOptions.noRateLimit();
        }
        try (IscEmulator emulator = IscEmulator.start(emulatorOptions.build())) {
            String paramId = emulator.state()
                    .addParameter("Bench Client", "secret")
                    .get("id")
                    .getAsString();
            Path folder = generate(work.resolve("workflows"), count, paramId, "Generated");
            LoadResult loaded = new WorkflowLoader(folder).load(List.of(), List.of());
            Path changedFolder = generate(work.resolve("changed"), count, paramId, "Changed");
            LoadResult changed = new WorkflowLoader(changedFolder).load(List.of(), List.of());
            IscClientConfig.Builder config = IscClientConfig.builder(emulator.url(), "emulator", "emulator");
            if (rateLimited) {
                config.rateLimiter(new RequestRateLimiter(
                        RequestRateLimiter.DEFAULT_MAX_REQUESTS,
                        RequestRateLimiter.DEFAULT_WINDOW,
                        ClientTime.system()));
            }
            try (IscClient client = new IscClient(config.build())) {
                DeployOptions options =
                        DeployOptions.defaults("127.0.0.1", work.resolve("out")).withParallelism(parallelism);
                System.out.println();
                System.out.println("Round: " + label);
                measure(
                        "first deploy",
                        emulator,
                        () -> new Deployer(client, options, BuildLog.silent()).deploy(loaded.workflows()));
                measure(
                        "redeploy unchanged",
                        emulator,
                        () -> new Deployer(client, options, BuildLog.silent()).deploy(loaded.workflows()));
                measure(
                        "redeploy all changed",
                        emulator,
                        () -> new Deployer(client, options, BuildLog.silent()).deploy(changed.workflows()));
            }
        }
    }

    private interface Run {
        DeployResult run() throws Exception;
    }

    private static void measure(String label, IscEmulator emulator, Run run) throws Exception {
        emulator.stats().reset();
        System.gc();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        DeployResult result = run.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long heapAfter = usedHeap();
        Map<Result, Integer> totals = result.totals();
        System.out.printf(
                Locale.ROOT,
                "  %-20s %6d ms  requests %4d (emulator saw %d: %s)  created %d, updated %d, unchanged %d,"
                        + " failed %d  heap +%d MB%n",
                label,
                millis,
                result.requestCount(),
                emulator.stats().total(),
                emulator.stats().counts(),
                totals.get(Result.CREATED),
                totals.get(Result.UPDATED),
                totals.get(Result.UNCHANGED),
                totals.get(Result.FAILED),
                Math.max(0, heapAfter - heapBefore) / (1024 * 1024));
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Writes {@code count} workflows, each with an HTTP step using Parameter Storage and a loop. */
    private static Path generate(Path folder, int count, String paramId, String word) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            String text = """
                    {
                      "name": "Bench Workflow %03d",
                      "description": "%s workflow number %d",
                      "definition": {
                        "start": "Call API",
                        "steps": {
                          "Call API": {
                            "actionId": "sp:http",
                            "attributes": {
                              "method": "get",
                              "url": "https://example.com/items/%d",
                              "param_authenticationRef": "oauth",
                              "param_oauth": {"mapping": {"client_id": "clientId"}, "paramID": "%s", "paramType": "1.1"}
                            },
                            "nextStep": "Each Item",
                            "type": "action",
                            "versionNumber": 2
                          },
                          "Each Item": {
                            "actionId": "sp:loop:iterator",
                            "attributes": {
                              "input.$": "$.callAPI.body.items",
                              "start": "Wait",
                              "steps": {
                                "Wait": {"actionId": "sp:sleep", "attributes": {"duration": "1m"}, "nextStep": "Done", "type": "action", "versionNumber": 1},
                                "Done": {"type": "success"}
                              }
                            },
                            "nextStep": "End",
                            "type": "action",
                            "versionNumber": 1
                          },
                          "End": {"type": "success"}
                        }
                      },
                      "trigger": {"type": "SCHEDULED", "attributes": {"cronString": "0 %d * * *"}}
                    }
                    """.formatted(i, word, i, i, paramId, i % 24);
            Files.writeString(
                    folder.resolve(String.format(Locale.ROOT, "bench-%03d.json", i)), text, StandardCharsets.UTF_8);
        }
        return folder;
    }
}

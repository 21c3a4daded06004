package io.github.iscworkflows.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.WorkflowJson;
import io.github.iscworkflows.workflow.WorkflowLoader;
import io.github.iscworkflows.workflow.rules.ValidationOptions;
import io.github.iscworkflows.workflow.rules.ValidationReport;
import io.github.iscworkflows.workflow.rules.Validator;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures validation speed: generates 1,000 workflows of 30 steps in a temporary folder, then reads
 * and validates them repeatedly, and prints the time per file after warm-up (wall clock, and CPU time
 * of the validating thread, which is steadier on a busy machine), the garbage collection time, the
 * total time and the heap in use. Run after {@code ./mvnw -q test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$HOME/.m2/repository/com/google/code/gson/gson/2.15.0/gson-2.15.0.jar \
 *     io.github.iscworkflows.bench.ValidateBench [files] [steps] [rounds]
 * </pre>
 */
public final class ValidateBench {

    private ValidateBench() {}

    public static void main(String[] args) throws IOException {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path folder = Files.createTempDirectory("isc-validate-bench");
        try {
            long bytes = 0;
            for (int i = 0; i < files; i++) {
                String text = WorkflowJson.toFileText(workflow(i, steps));
                Files.writeString(folder.resolve("workflow-" + i + ".json"), text, StandardCharsets.UTF_8);
                bytes += text.length();
            }
            System.out.printf(
                    "generated %d files of %d steps (%.1f KB each) in %s%n",
                    files, steps, bytes / 1024.0 / files, folder);
            Validator validator = new Validator(ValidationOptions.defaults());

            ValidationReport report = null;
            for (int i = 0; i < 5; i++) {
                report = validator.validate(new WorkflowLoader(folder).load(List.of(), List.of()));
            }
            System.out.println("result: " + report.summary());

            LoadResult loaded = null;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long gcMillisBefore = gcMillis();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long loadNanos = 0;
            long validateNanos = 0;
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                loaded = new WorkflowLoader(folder).load(List.of(), List.of());
                long loadedAt = System.nanoTime();
                report = validator.validate(loaded);
                long end = System.nanoTime();
                loadNanos += loadedAt - start;
                validateNanos += end - loadedAt;
            }
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
            long gcTotal = gcMillis() - gcMillisBefore;
            double runs = (double) rounds * files;
            System.out.printf(
                    "load all, then validate: %.3f ms per file (read and parse %.3f ms, rules %.3f ms), over %d rounds%n",
                    (loadNanos + validateNanos) / runs / 1e6,
                    loadNanos / runs / 1e6,
                    validateNanos / runs / 1e6,
                    rounds);
            System.out.printf(
                    "CPU time of the validating thread per file: %.3f ms; garbage collection: %d ms in all rounds%n",
                    cpuNanos / runs / 1e6, gcTotal);
            System.out.printf(
                    "total per round: %.0f ms for %d files%n",
                    (loadNanos + validateNanos) / (double) rounds / 1e6, files);
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf(
                    "load all, then validate: heap in use after GC, holding %d parsed workflows and their report: %.1f MB (max heap %.0f MB)%n",
                    loaded.workflows().size(),
                    (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0,
                    runtime.maxMemory() / 1048576.0);
            System.out.println("problems in last report: " + report.problems().size());
            loaded = null;

            // The goal reads and checks one file at a time, so only one parsed file is live at once.
            gcMillisBefore = gcMillis();
            cpuBefore = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                report = validator.validateFolder(folder, List.of(), List.of());
            }
            long nanos = System.nanoTime() - start;
            System.out.printf(
                    "file by file, as the goal runs: %.3f ms per file (CPU time of the thread %.3f ms),"
                            + " garbage collection %d ms in all rounds%n",
                    nanos / runs / 1e6,
                    (threads.getCurrentThreadCpuTime() - cpuBefore) / runs / 1e6,
                    gcMillis() - gcMillisBefore);
            System.gc();
            System.out.printf(
                    "file by file: heap in use after GC, holding the report: %.1f MB%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0);
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    /**
     * A workflow of {@code count} steps: a define-variable step, then identity look-ups, HTTP calls with a
     * Parameter Storage credential, e-mails and choices in turn, each reading earlier steps' output.
     */
    public static JsonObject workflow(int index, int count) {
        JsonObject stepsObject = new JsonObject();
        JsonObject configuration = new JsonObject();
        configuration.addProperty("actionId", "sp:define-variable");
        JsonObject configurationAttributes = new JsonObject();
        JsonArray variables = new JsonArray();
        JsonObject variable = new JsonObject();
        variable.addProperty("name", "API Base");
        variable.addProperty("variableA", "${env.ISC_URL}");
        variable.add("transforms", new JsonArray());
        variables.add(variable);
        configurationAttributes.add("variables", variables);
        configuration.add("attributes", configurationAttributes);
        configuration.addProperty("nextStep", "Step 1");
        configuration.addProperty("type", "Mutation");
        stepsObject.add("Configuration", configuration);
        for (int s = 1; s < count - 1; s++) {
            String next = s == count - 2 ? "End Step - Success" : "Step " + (s + 1);
            stepsObject.add("Step " + s, step(s, next));
        }
        JsonObject end = new JsonObject();
        end.addProperty("type", "success");
        stepsObject.add("End Step - Success", end);

        JsonObject definition = new JsonObject();
        definition.addProperty("start", "Configuration");
        definition.add("steps", stepsObject);
        JsonObject trigger = new JsonObject();
        trigger.addProperty("type", "EVENT");
        JsonObject triggerAttributes = new JsonObject();
        triggerAttributes.addProperty("id", "idn:identity-attributes-changed");
        triggerAttributes.addProperty("filter.$", "$.changes[?(@.attribute == 'department')]");
        trigger.add("attributes", triggerAttributes);
        JsonObject workflow = new JsonObject();
        workflow.addProperty("name", "Bench workflow " + index);
        workflow.addProperty("description", "Generated for the validate benchmark.");
        workflow.add("definition", definition);
        workflow.add("trigger", trigger);
        return workflow;
    }

    private static JsonObject step(int s, String next) {
        JsonObject step = new JsonObject();
        JsonObject attributes = new JsonObject();
        String previous = s == 1 ? "trigger" : "step" + (s - 1);
        switch (s % 4) {
            case 0 -> {
                step.addProperty("actionId", "sp:get-identity");
                attributes.addProperty("id.$", "$." + previous + ".identity.id");
            }
            case 1 -> {
                step.addProperty("actionId", "sp:http");
                attributes.addProperty("method", "post");
                attributes.addProperty("url", "{{$.configuration.aPIBase}}/v2025/search");
                attributes.addProperty("param_authenticationRef", "oauth");
                JsonObject oauth = new JsonObject();
                oauth.addProperty("paramID", "${parameter:ISC OAuth}");
                oauth.addProperty("paramType", "1.4");
                JsonObject mapping = new JsonObject();
                mapping.addProperty("auth_client_id", "clientId");
                mapping.addProperty("auth_client_secret", "clientSecret");
                oauth.add("mapping", mapping);
                attributes.add("param_oauth", oauth);
                JsonObject body = new JsonObject();
                body.addProperty("query", "name:{{$." + previous + ".name}}");
                attributes.add("jsonRequestBody", body);
            }
            case 2 -> {
                step.addProperty("actionId", "sp:send-email");
                attributes.addProperty("subject", "Change for {{$." + previous + ".body.name}}");
                attributes.addProperty("body", "Dear {{$.trigger.identity.name}}, see {{$.configuration.aPIBase}}.");
                attributes.addProperty("recipientId.$", "$.trigger.identity.id");
            }
            default -> {
                step.addProperty("type", "choice");
                JsonArray choices = new JsonArray();
                JsonObject choice = new JsonObject();
                choice.addProperty("comparator", "StringEquals");
                choice.addProperty("variableA.$", "$." + previous + ".attributes.department");
                choice.addProperty("variableB", "Sales");
                choice.addProperty("nextStep", next);
                choices.add(choice);
                step.add("choiceList", choices);
                step.addProperty("defaultStep", next);
                return step;
            }
        }
        step.add("attributes", attributes);
        step.addProperty("nextStep", next);
        step.addProperty("type", "action");
        step.addProperty("versionNumber", 2);
        return step;
    }
}

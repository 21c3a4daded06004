package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.WorkflowLoader;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Workflow texts and file helpers shared by the deploy tests. */
final class TestWorkflows {

    private TestWorkflows() {}

    /**
     * A workflow with an HTTP step using {@code param_oauth} and a loop whose body holds a second
     * credential; {@code extra} is inserted into the first step's {@code param_oauth} object.
     */
    static String withCredentials(String name, String paramId, String extra) {
        return """
                {
                  "name": "%s",
                  "description": "Calls an API",
                  "owner": {"type": "IDENTITY", "id": "owner-1", "name": "Owner One"},
                  "definition": {
                    "start": "Call API",
                    "steps": {
                      "Call API": {
                        "actionId": "sp:http",
                        "attributes": {
                          "method": "get",
                          "url": "https://example.com/api",
                          "param_authenticationRef": "oauth",
                          "param_oauth": {"mapping": {"client_id": "clientId"}, "paramID": "%s", "paramType": "1.1"%s}
                        },
                        "nextStep": "Loop",
                        "type": "action",
                        "versionNumber": 2
                      },
                      "Loop": {
                        "actionId": "sp:loop:iterator",
                        "attributes": {
                          "input.$": "$.callAPI.body.items",
                          "start": "Inner Call",
                          "steps": {
                            "Inner Call": {
                              "actionId": "sp:http",
                              "attributes": {
                                "method": "post",
                                "url": "https://example.com/item",
                                "param_authenticationRef": "basic",
                                "param_basic": {"mapping": {"auth_username": "username"}, "paramID": "%s", "paramType": "1.1"}
                              },
                              "nextStep": "Inner End",
                              "type": "action",
                              "versionNumber": 1
                            },
                            "Inner End": {"type": "success"}
                          }
                        },
                        "nextStep": "End",
                        "type": "action",
                        "versionNumber": 1
                      },
                      "End": {"type": "success"}
                    }
                  },
                  "trigger": {"type": "EVENT", "attributes": {"id": "idn:identity-attributes-changed", "limit": 250}}
                }
                """.formatted(name, paramId, extra, paramId);
    }

    /** A small workflow with a scheduled trigger. */
    static String simple(String name, String description) {
        return """
                {
                  "name": "%s",
                  "description": "%s",
                  "owner": {"type": "IDENTITY", "id": "owner-1", "name": "Owner One"},
                  "definition": {
                    "start": "Wait",
                    "steps": {
                      "Wait": {"actionId": "sp:sleep", "attributes": {"duration": "1m"}, "nextStep": "End", "type": "action", "versionNumber": 1},
                      "End": {"type": "success"}
                    }
                  },
                  "trigger": {"type": "SCHEDULED", "attributes": {"cronString": "0 0 * * *"}}
                }
                """.formatted(name, description);
    }

    static JsonObject parse(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    static Path write(Path directory, String fileName, String text) {
        try {
            Path file = directory.resolve(fileName);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<WorkflowSource> load(Path directory) {
        try {
            LoadResult result = new WorkflowLoader(directory).load(List.of(), List.of());
            if (result.hasErrors()) {
                throw new AssertionError("test files have load errors: " + result.problems());
            }
            return result.workflows();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

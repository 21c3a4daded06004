package io.github.iscworkflows.emulator;

/** Workflow bodies for tests. */
final class Workflows {

    private Workflows() {}

    /** A workflow whose HTTP step authenticates with {@code param_oauth} on {@code parameterId}. */
    static String withOAuthStep(String name, String parameterId) {
        return """
                {
                  "name": "%s",
                  "description": "Calls an API with a stored OAuth client",
                  "definition": {
                    "start": "Call API",
                    "steps": {
                      "Call API": {
                        "actionId": "sp:http",
                        "attributes": {
                          "method": "get",
                          "url": "https://api.example.com/items",
                          "param_authenticationRef": "oauth",
                          "param_oauth": {
                            "mapping": {"auth_client_id": "clientId", "auth_client_secret": "clientSecret"},
                            "paramID": "%s",
                            "paramType": "1.4"
                          }
                        },
                        "nextStep": "End Step - Success",
                        "type": "action",
                        "versionNumber": 2
                      },
                      "End Step - Success": {"type": "success"}
                    }
                  },
                  "enabled": false,
                  "trigger": {"type": "EXTERNAL", "attributes": {"name": "call-api"}}
                }
                """.formatted(name, parameterId);
    }

    /** A workflow whose credential object sits in a step inside an {@code sp:loop:iterator} loop. */
    static String withCredentialInLoop(String name, String parameterId) {
        return """
                {
                  "name": "%s",
                  "definition": {
                    "start": "Loop",
                    "steps": {
                      "Loop": {
                        "actionId": "sp:loop:iterator",
                        "attributes": {
                          "input.$": "$.trigger.items",
                          "start": "Post Item",
                          "steps": {
                            "Post Item": {
                              "actionId": "sp:http",
                              "attributes": {
                                "method": "post",
                                "url": "https://api.example.com/items",
                                "param_authenticationRef": "basic",
                                "param_basic": {"mapping": {"auth_username": "username", "auth_password": "password"}, "paramID": "%s", "paramType": "1.1"}
                              },
                              "nextStep": "Done",
                              "type": "action"
                            },
                            "Done": {"type": "success"}
                          }
                        },
                        "nextStep": "End",
                        "type": "action"
                      },
                      "End": {"type": "success"}
                    }
                  },
                  "trigger": {"type": "EVENT", "attributes": {"id": "idn:identity-created"}}
                }
                """.formatted(name, parameterId);
    }

    /** A workflow without credentials whose e-mail subject is a template under a {@code .$} key. */
    static String withTemplateInJsonPathKey(String name) {
        return """
                {
                  "name": "%s",
                  "definition": {
                    "start": "Send Email",
                    "steps": {
                      "Send Email": {
                        "actionId": "sp:send-email",
                        "attributes": {"subject.$": "Hi {{$.x}}", "body": "Welcome", "recipientId.$": "$.identity.id"},
                        "nextStep": "End",
                        "type": "action"
                      },
                      "End": {"type": "success"}
                    }
                  },
                  "trigger": {"type": "EVENT", "attributes": {"id": "idn:identity-created"}}
                }
                """.formatted(name);
    }
}

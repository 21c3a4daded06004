package io.github.iscworkflows.workflow.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepNamesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Get Access Token|getAccessToken",
                "Get List of Identities|getListOfIdentities",
                "HTTP Request 1|hTTPRequest1",
                "API URL|aPIURL",
                "SaaS Custom Operations Source Name|saaSCustomOperationsSourceName",
                "Define requestedFor|defineRequestedFor",
                "Source ID|sourceID",
                "Loop|loop",
                "End Step - Success|endStep-Success",
                "  Two  Spaces |twoSpaces",
                "Élan Vital|élanVital"
            })
    void keyOfCamelCasesName(String name, String key) {
        assertEquals(key, StepNames.keyOf(name));
    }
}

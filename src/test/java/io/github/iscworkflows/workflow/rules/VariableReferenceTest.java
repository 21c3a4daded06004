package io.github.iscworkflows.workflow.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariableReferenceTest {

    @Test
    void wholePathGivesRootAndField() {
        assertEquals(
                new VariableReference("$.getIdentity.attributes", "getIdentity", "attributes"),
                VariableReference.ofPath("$.getIdentity.attributes.email"));
        assertEquals(
                new VariableReference("$.getAccounts.accounts", "getAccounts", "accounts"),
                VariableReference.ofPath("$.getAccounts.accounts[0].id"));
        assertEquals(new VariableReference("$.trigger", "trigger", null), VariableReference.ofPath("$.trigger"));
    }

    @Test
    void functionsAndBracketsAreNoReference() {
        assertNull(VariableReference.ofPath("$.now()"));
        assertNull(VariableReference.ofPath("$['getIdentity']"));
        assertNull(VariableReference.ofPath("plain text"));
        assertEquals(
                new VariableReference("$.getListOfIdentities.identities", "getListOfIdentities", "identities"),
                VariableReference.ofPath("$.getListOfIdentities.identities.count()"));
        assertEquals(
                new VariableReference("$.getIdentity", "getIdentity", null),
                VariableReference.ofPath("$.getIdentity.length()"));
    }

    @Test
    void templatesGiveEveryReference() {
        List<VariableReference> references =
                VariableReference.inTemplates("{{$.configuration.aPIURL}}/v3/{{$.loop.loopInput}} and $.notInTemplate");

        assertEquals(
                List.of(
                        new VariableReference("$.configuration.aPIURL", "configuration", "aPIURL"),
                        new VariableReference("$.loop.loopInput", "loop", "loopInput")),
                references);
    }

    @Test
    void unclosedTemplateStillRead() {
        assertEquals(
                List.of(new VariableReference("$.getIdentity.name", "getIdentity", "name")),
                VariableReference.inTemplates("Hello {{$.getIdentity.name"));
    }
}

package io.github.iscworkflows.references;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReferenceReportWriterTest {

    @TempDir
    Path dir;

    private static ReferenceReport sample() {
        Finding missing = new Finding(
                FindingKind.MISSING_REF_ID,
                "Loop > Call <API> & \"more\"",
                "param_oauth",
                "p-1",
                null,
                Remedies.missingRefId("p-1"),
                Remedies.TOGGLE_IN_UI);
        Finding secret = new Finding(
                FindingKind.SECRET_NOT_VERIFIABLE, "Call", "oAuthClientSecret", null, null, "uses a secret.", "check.");
        WorkflowCheck failing = new WorkflowCheck(
                new SelectedWorkflow("Tom & Jerry <ops>\u0001", "wf-1", "a.json", true),
                List.of(
                        new CredentialCheck(
                                "Loop > Call <API> & \"more\"",
                                "param_oauth",
                                "p-1",
                                null,
                                "/definition/steps/Loop",
                                List.of(missing)),
                        new CredentialCheck(
                                "Other", "param_basic", "p-2", "r-2", "/definition/steps/Other", List.of())),
                List.of(secret));
        WorkflowCheck empty =
                new WorkflowCheck(new SelectedWorkflow("Plain", "wf-2", null, null), List.of(), List.of());
        return new ReferenceReport(List.of(failing, empty), List.of(), true, 7);
    }

    @Test
    void junitXmlParsesWithCounts() throws Exception {
        Path file = dir.resolve("isc-reports/TEST-isc-references.xml");

        ReferenceReportWriter.writeJunit(sample(), file);

        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = document.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("isc-references", suite.getAttribute("name"));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        Element first = (Element) cases.item(0);
        assertEquals("isc.references.Tom & Jerry <ops>?", first.getAttribute("classname"));
        assertEquals("Loop > Call <API> & \"more\" / param_oauth", first.getAttribute("name"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertEquals("missing-ref-id", failure.getAttribute("type"));
        assertEquals(Remedies.missingRefId("p-1"), failure.getAttribute("message"));
        assertEquals(
                0, ((Element) cases.item(1)).getElementsByTagName("failure").getLength());
        Element workflowCase = (Element) cases.item(2);
        assertEquals("workflow", workflowCase.getAttribute("name"));
        assertEquals(
                "step 'Call', oAuthClientSecret: uses a secret. Fix: check.\n",
                workflowCase.getElementsByTagName("system-out").item(0).getTextContent());
        assertEquals("workflow (no credential objects)", ((Element) cases.item(3)).getAttribute("name"));
    }

    @Test
    void jsonReportHoldsEveryCredential() throws Exception {
        Path file = dir.resolve("isc/references-report.json");

        ReferenceReportWriter.writeJson(sample(), file);

        JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertEquals(1, root.getAsJsonObject("summary").get("failures").getAsInt());
        assertEquals(1, root.getAsJsonObject("summary").get("warnings").getAsInt());
        assertEquals(7, root.getAsJsonObject("summary").get("requests").getAsInt());
        JsonObject credential = root.getAsJsonArray("workflows")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("credentials")
                .get(0)
                .getAsJsonObject();
        assertEquals("failed", credential.get("status").getAsString());
        assertEquals("p-1", credential.get("paramID").getAsString());
        assertEquals(true, credential.get("refID").isJsonNull());
        assertEquals(
                "missing-ref-id",
                credential
                        .getAsJsonArray("findings")
                        .get(0)
                        .getAsJsonObject()
                        .get("kind")
                        .getAsString());
    }

    @Test
    void failureMessageGroupsByWorkflow() {
        String message = FindingsMessage.failure(sample(), "target/isc/r.json", "target/isc-reports/T.xml");

        assertEquals(
                "check-references found 1 problem in 1 of 2 workflows (2 credential objects checked):\n"
                        + "Workflow 'Tom & Jerry <ops>\\u0001' (id wf-1) from a.json:\n"
                        + "  - step 'Loop > Call <API> & \"more\"', param_oauth (paramID p-1, refID none): no refID, so"
                        + " ISC has no reference record linking parameter p-1 to this workflow and the step fails at"
                        + " run time with \"unexpected Parameter configuration\". Fix: open the workflow in the ISC"
                        + " UI, disable it and enable it once, then rerun mvn verify (see docs/refid.md).\n"
                        + "Reports: target/isc/r.json, target/isc-reports/T.xml",
                message);
    }

    @Test
    void generalFindingsFollowWorkflowGroups() {
        Finding scope = Finding.general(FindingKind.VERIFICATION_UNAVAILABLE, "Forbidden.", "grant the scope.");
        ReferenceReport report = new ReferenceReport(sample().workflows(), List.of(scope), false, 3);

        List<String> lines = FindingsMessage.lines(report, Finding::isFailure);

        assertEquals(
                List.of(
                        "Workflow 'Tom & Jerry <ops>\\u0001' (id wf-1) from a.json:",
                        "  - " + sample().workflows().get(0).findings().get(0).format(),
                        "All workflows:",
                        "  - Forbidden. Fix: grant the scope."),
                lines);
    }
}

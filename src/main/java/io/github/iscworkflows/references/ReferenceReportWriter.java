package io.github.iscworkflows.references;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the gate's result as JSON ({@code target/isc/references-report.json}) and as JUnit XML
 * ({@code target/isc-reports/TEST-isc-references.xml}), one test case per credential object, so CI
 * servers show the gate next to the unit tests.
 */
public final class ReferenceReportWriter {

    /** The JUnit suite name and report file stem. */
    public static final String SUITE_NAME = "isc-references";

    private ReferenceReportWriter() {}

    /** Writes the JSON report, creating the folder. */
    public static void writeJson(ReferenceReport report, Path file) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("goal", "check-references");
        root.addProperty("referencesVerified", report.referencesVerified());
        JsonObject summary = new JsonObject();
        summary.addProperty("workflows", report.workflows().size());
        summary.addProperty("credentials", report.credentialCount());
        summary.addProperty("failures", report.failureCount());
        summary.addProperty("warnings", report.warningCount());
        summary.addProperty("requests", report.requests());
        root.add("summary", summary);
        JsonArray workflows = new JsonArray();
        for (WorkflowCheck check : report.workflows()) {
            workflows.add(toJson(check));
        }
        root.add("workflows", workflows);
        root.add("findings", toJson(report.generalFindings()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, WorkflowJson.PRETTY.toJson(root) + "\n", StandardCharsets.UTF_8);
    }

    private static JsonObject toJson(WorkflowCheck check) {
        JsonObject workflow = new JsonObject();
        workflow.addProperty("name", check.workflow().name());
        workflow.addProperty("id", check.workflow().id());
        workflow.addProperty("file", check.workflow().file());
        JsonArray credentials = new JsonArray();
        for (CredentialCheck credential : check.credentials()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("step", credential.stepPath());
            entry.addProperty("attribute", credential.attribute());
            entry.addProperty("paramID", credential.paramId());
            entry.addProperty("refID", credential.refId());
            entry.addProperty("pointer", credential.pointer());
            entry.addProperty("status", status(credential.findings()));
            entry.add("findings", toJson(credential.findings()));
            credentials.add(entry);
        }
        workflow.add("credentials", credentials);
        workflow.add("findings", toJson(check.otherFindings()));
        return workflow;
    }

    private static JsonArray toJson(List<Finding> findings) {
        JsonArray array = new JsonArray();
        for (Finding finding : findings) {
            JsonObject entry = new JsonObject();
            entry.addProperty("kind", finding.kind().id());
            entry.addProperty("severity", finding.isFailure() ? "failure" : "warning");
            entry.addProperty("step", finding.stepPath());
            entry.addProperty("attribute", finding.attribute());
            entry.addProperty("paramID", finding.paramId());
            entry.addProperty("refID", finding.refId());
            entry.addProperty("message", finding.message());
            entry.addProperty("fix", finding.fix());
            array.add(entry);
        }
        return array;
    }

    private static String status(List<Finding> findings) {
        if (findings.stream().anyMatch(Finding::isFailure)) {
            return "failed";
        }
        return findings.isEmpty() ? "ok" : "warning";
    }

    /** Writes the JUnit XML report, creating the folder. */
    public static void writeJunit(ReferenceReport report, Path file) throws IOException {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be configured", e);
        }
        Element suite = document.createElement("testsuite");
        document.appendChild(suite);

        for (WorkflowCheck check : report.workflows()) {
            String className = "isc.references." + check.workflow().name();
            for (CredentialCheck credential : check.credentials()) {
                String name = credential.stepPath() + " / " + credential.attribute();
                suite.appendChild(testCase(document, className, name, credential.findings()));
            }
            if (check.credentials().isEmpty() || !check.otherFindings().isEmpty()) {
                String name = check.findings().isEmpty() ? "workflow (no credential objects)" : "workflow";
                suite.appendChild(testCase(document, className, name, check.otherFindings()));
            }
        }
        if (!report.generalFindings().isEmpty()) {
            suite.appendChild(testCase(document, "isc.references", "reference verification", report.generalFindings()));
        }

        suite.setAttribute("name", SUITE_NAME);
        suite.setAttribute(
                "tests", Integer.toString(suite.getElementsByTagName("testcase").getLength()));
        suite.setAttribute(
                "failures",
                Integer.toString(suite.getElementsByTagName("failure").getLength()));
        suite.setAttribute("errors", "0");
        suite.setAttribute("skipped", "0");
        write(document, file);
    }

    private static void write(Document document, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Element testCase(Document document, String className, String name, List<Finding> findings) {
        Element testCase = document.createElement("testcase");
        testCase.setAttribute("classname", xmlSafe(className));
        testCase.setAttribute("name", xmlSafe(name));
        testCase.setAttribute("time", "0");
        List<Finding> failures = findings.stream().filter(Finding::isFailure).toList();
        List<Finding> warnings = findings.stream().filter(f -> !f.isFailure()).toList();
        if (!failures.isEmpty()) {
            Element failure = document.createElement("failure");
            failure.setAttribute("type", failures.get(0).kind().id());
            failure.setAttribute("message", xmlSafe(failures.get(0).message()));
            failure.setTextContent(xmlSafe(join(failures)));
            testCase.appendChild(failure);
        }
        if (!warnings.isEmpty()) {
            Element out = document.createElement("system-out");
            out.setTextContent(xmlSafe(join(warnings)));
            testCase.appendChild(out);
        }
        return testCase;
    }

    private static String join(List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : findings) {
            text.append(finding.format()).append('\n');
        }
        return text.toString();
    }

    /**
     * Replaces characters that XML 1.0 cannot hold even escaped, such as most control characters, by
     * {@code ?}. A workflow or step name may contain them. The DOM serializer escapes the rest.
     */
    static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            safe.appendCodePoint(allowed ? c : '?');
        });
        return safe.toString();
    }
}

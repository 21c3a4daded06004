package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@MojoTest
class ValidateMojoTest {

    private static final String ERRORS_POM = "src/test/resources/unit/validate-errors/pom.xml";
    private static final String WARNINGS_POM = "src/test/resources/unit/validate-warnings/pom.xml";
    private static final String ERRORS_DIR = "src/test/resources/unit/validate-errors/workflows";
    private static final String WARNINGS_DIR = "src/test/resources/unit/validate-warnings/workflows";

    @TempDir
    Path target;

    private CapturingLog prepare(ValidateMojo mojo, String workflows) {
        mojo.workflowsDirectory = new File(workflows);
        mojo.buildDirectory = target.toFile();
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        return log;
    }

    @Test
    void goalBindsToValidatePhase() throws Exception {
        Element mojo = descriptorOf(ValidateMojo.GOAL);

        assertEquals("validate", text(mojo, "phase"));
        assertEquals("true", text(mojo, "threadSafe"));
        assertEquals(ValidateMojo.class.getName(), text(mojo, "implementation"));
    }

    @Test
    void propertiesNamespaced() throws Exception {
        Element mojo = descriptorOf(ValidateMojo.GOAL);

        NodeList entries = ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
        List<String> properties = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            if (entries.item(i) instanceof Element entry
                    && entry.getTextContent().startsWith("${isc.")) {
                properties.add(entry.getTagName() + "=" + entry.getTextContent());
            }
        }
        assertTrue(properties.contains("failOnWarning=${isc.failOnWarning}"), properties.toString());
        assertTrue(properties.contains("skipRules=${isc.validate.skipRules}"), properties.toString());
        assertTrue(properties.contains("knownActions=${isc.validate.knownActions}"), properties.toString());
        assertTrue(properties.contains("skipValidate=${isc.validate.skip}"), properties.toString());
    }

    private static Element descriptorOf(String goal) throws Exception {
        try (InputStream in = ValidateMojoTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            Document document =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            NodeList mojos = document.getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                if (goal.equals(text(mojo, "goal"))) {
                    return mojo;
                }
            }
        }
        throw new AssertionError("no mojo for goal " + goal + " in plugin.xml");
    }

    private static String text(Element mojo, String tag) {
        return mojo.getElementsByTagName(tag).item(0).getTextContent();
    }

    @Test
    @InjectMojo(goal = ValidateMojo.GOAL, pom = ERRORS_POM)
    void errorsFailBuild(ValidateMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, ERRORS_DIR);

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "isc:validate checked 1 file, 1 workflow: 1 error, 2 warnings. Fix the problems above or see"
                        + " docs/validate.md.",
                failure.getMessage());
        assertEquals(
                List.of(
                        "error " + ERRORS_DIR + "/welcome.json:12:9: error step-target-unknown step 'Get Identity'"
                                + " goes to 'Send Mail', which is not a step of the definition; the run would stop"
                                + " there. Name an existing step (names are case-sensitive).",
                        "warn " + ERRORS_DIR + "/welcome.json:16:7: warning step-unreachable step 'Send Email' is"
                                + " not reachable from start 'Get Identity' in the definition; it never runs. Point a"
                                + " nextStep, choiceList or defaultStep at it, or delete it.",
                        "warn " + ERRORS_DIR + "/welcome.json:27:7: warning step-unreachable step 'End Step -"
                                + " Success' is not reachable from start 'Get Identity' in the definition; it never"
                                + " runs. Point a nextStep, choiceList or defaultStep at it, or delete it.",
                        "info Validated 1 file, 1 workflow: 1 error, 2 warnings."),
                log.lines);
        String report = Files.readString(target.resolve("isc/validate-report.json"));
        assertTrue(report.contains("\"rule\": \"step-target-unknown\""), report);
        assertTrue(report.contains("\"errors\": 1"), report);
    }

    @Test
    @InjectMojo(goal = ValidateMojo.GOAL, pom = WARNINGS_POM)
    void warningsPassByDefault(ValidateMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, WARNINGS_DIR);

        mojo.execute();

        assertEquals("info Validated 1 file, 1 workflow: 0 errors, 1 warning.", log.lines.get(1));
        assertTrue(Files.exists(target.resolve("isc/validate-report.json")));
    }

    @Test
    @InjectMojo(goal = ValidateMojo.GOAL, pom = WARNINGS_POM)
    @MojoParameter(name = "failOnWarning", value = "true")
    void failOnWarningFailsOnWarnings(ValidateMojo mojo) {
        prepare(mojo, WARNINGS_DIR);

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "isc:validate checked 1 file, 1 workflow: 0 errors, 1 warning, and failOnWarning is set"
                        + " (isc.failOnWarning). Fix the problems above or see docs/validate.md.",
                failure.getMessage());
    }

    @Test
    @InjectMojo(goal = ValidateMojo.GOAL, pom = ERRORS_POM)
    @MojoParameter(name = "skipRules", value = "step-target-unknown,no-such-rule")
    void skipRulesSwitchesRulesOff(ValidateMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, ERRORS_DIR);

        mojo.execute();

        assertEquals(
                "warn Unknown rule id 'no-such-rule' in <skipRules> (isc.validate.skipRules); the rule ids are"
                        + " listed in docs/validate.md.",
                log.lines.get(0));
        assertEquals("info Validated 1 file, 1 workflow: 0 errors, 2 warnings.", log.lines.get(3));
    }

    @Test
    @InjectMojo(goal = ValidateMojo.GOAL, pom = ERRORS_POM)
    @MojoParameter(name = "skipValidate", value = "true")
    void goalSkipRunsNothing(ValidateMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, ERRORS_DIR);

        mojo.execute();

        assertEquals(List.of("info Skipping validate: isc.validate.skip is true."), log.lines);
        assertFalse(Files.exists(target.resolve("isc/validate-report.json")));
    }

    @Test
    @InjectMojo(goal = ValidateMojo.GOAL, pom = ERRORS_POM)
    void missingFolderSucceeds(ValidateMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, "src/test/resources/unit/validate-errors/absent");

        mojo.execute();

        assertEquals(
                List.of("info No workflow files: src/test/resources/unit/validate-errors/absent does not exist"
                        + " (set <workflowsDirectory> or -Disc.workflowsDirectory)."),
                log.lines);
    }
}

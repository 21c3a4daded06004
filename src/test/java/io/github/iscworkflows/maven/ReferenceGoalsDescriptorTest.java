package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks the generated plugin descriptor: goal names, default phases and thread safety. */
class ReferenceGoalsDescriptorTest {

    private static Document descriptor;

    @BeforeAll
    static void readDescriptor() throws Exception {
        try (InputStream in = ReferenceGoalsDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "plugin.xml is generated in process-classes; run the tests through Maven");
            descriptor =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static Element mojo(String goal) {
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (goal.equals(text(mojo, "goal"))) {
                return mojo;
            }
        }
        throw new AssertionError("no goal " + goal + " in plugin.xml");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void checkReferencesBindsToVerify() {
        Element mojo = mojo("check-references");

        assertEquals("verify", text(mojo, "phase"));
        assertEquals("true", text(mojo, "threadSafe"));
    }

    @Test
    void enableBindsToDeploy() {
        Element mojo = mojo("enable");

        assertEquals("deploy", text(mojo, "phase"));
        assertEquals("true", text(mojo, "threadSafe"));
    }

    @Test
    void testGoalHasNoPhase() {
        assertEquals(null, text(mojo("test"), "phase"));
    }
}

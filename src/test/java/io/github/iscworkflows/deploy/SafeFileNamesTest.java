package io.github.iscworkflows.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

    @Test
    void unsafeCharactersBecomeUnderscores() {
        assertEquals("a_b_c_ d", SafeFileNames.sanitise("a/b\\c: d"));
    }

    @Test
    void emptyDotsAndReservedNamesAreReplaced() {
        assertEquals("workflow", SafeFileNames.sanitise("  "));
        assertEquals("workflow", SafeFileNames.sanitise(".."));
        assertEquals("_CON", SafeFileNames.sanitise("CON"));
    }

    @Test
    void clashesGetANumberIgnoringCase() {
        SafeFileNames names = new SafeFileNames();
        names.reserve("Report.json");

        assertEquals("report-2.json", names.allocate("report"));
        assertEquals("report-3.json", names.allocate("report"));
        assertEquals("a_b.json", names.allocate("a/b"));
        assertEquals("a_b-2.json", names.allocate("a:b"));
    }

    @Test
    void longNamesAreCut() {
        assertEquals(120, SafeFileNames.sanitise("x".repeat(300)).length());
    }
}

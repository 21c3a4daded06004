package io.github.iscworkflows.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void equalInputsGiveNoDiff() {
        assertEquals("", UnifiedDiff.of("a", "b", List.of("x", "y"), List.of("x", "y"), 3));
    }

    @Test
    void changeIsShownWithContext() {
        List<String> before = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
        List<String> after = List.of("1", "2", "3", "4", "five", "6", "7", "8", "9");

        String diff = UnifiedDiff.of("old", "new", before, after, 2);

        assertEquals("--- old\n+++ new\n@@ -3,5 +3,5 @@\n 3\n 4\n-5\n+five\n 6\n 7\n", diff);
    }

    @Test
    void distantChangesGetSeparateHunks() {
        List<String> before = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        List<String> after = List.of("A", "b", "c", "d", "e", "f", "g", "h", "i", "J");

        String diff = UnifiedDiff.of("old", "new", before, after, 1);

        assertEquals("--- old\n+++ new\n@@ -1,2 +1,2 @@\n-a\n+A\n b\n@@ -9,2 +9,2 @@\n i\n-j\n+J\n", diff);
    }

    @Test
    void insertionIntoEmptyInput() {
        assertEquals(
                "--- old\n+++ new\n@@ -0,0 +1,2 @@\n+x\n+y\n",
                UnifiedDiff.of("old", "new", List.of(), List.of("x", "y"), 3));
    }
}

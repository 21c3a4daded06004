package io.github.iscworkflows.workflow.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationReportWriterTest {

    @TempDir
    Path folder;

    @Test
    void writesCountsAndProblems() throws IOException {
        ValidationReport report = new ValidationReport(
                2,
                3,
                List.of(
                        new Problem("a.json", new SourcePosition(4, 7), Severity.ERROR, "start-missing", "no start."),
                        new Problem("b.json", SourcePosition.START, Severity.WARNING, "tenant-url", "a \"host\".")));
        Path file = folder.resolve("isc/validate-report.json");

        ValidationReportWriter.write(report, file);

        assertEquals("""
                {
                  "files": 2,
                  "workflows": 3,
                  "errors": 1,
                  "warnings": 1,
                  "infos": 0,
                  "problems": [
                    {
                      "file": "a.json",
                      "line": 4,
                      "column": 7,
                      "severity": "error",
                      "rule": "start-missing",
                      "message": "no start."
                    },
                    {
                      "file": "b.json",
                      "line": 1,
                      "column": 1,
                      "severity": "warning",
                      "rule": "tenant-url",
                      "message": "a \\"host\\"."
                    }
                  ]
                }
                """, Files.readString(file));
    }
}

package io.github.iscworkflows.workflow.rules;

import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.WorkflowLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusDumpTest {
    @Test
    void dump() throws Exception {
        var loaded = new WorkflowLoader(Path.of(System.getProperty("isc.corpus"))).load(List.of(), List.of());
        var report = new Validator(ValidationOptions.defaults()).validate(loaded);
        for (Problem p : report.problems()) {
            System.out.println("P " + p.format());
        }
        System.out.println(report.summary());
    }
}

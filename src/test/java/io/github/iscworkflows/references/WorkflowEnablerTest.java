package io.github.iscworkflows.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowEnablerTest {

    private static final String PARAM = "p-1";

    private final FakeIscApi api = new FakeIscApi();
    private final WorkflowEnabler enabler = new WorkflowEnabler(api, BuildLog.silent());

    private static WorkflowEnabler.Options enable() {
        return new WorkflowEnabler.Options(false, false, false, false);
    }

    private static SelectedWorkflow fromSource(String id, String name, Boolean enabledInSource) {
        return new SelectedWorkflow(name, id, name + ".json", enabledInSource);
    }

    @Test
    void enablesWithJsonPatchAndReadsBack() throws IscException {
        api.addWorkflow("wf-1", "Notify", false, PARAM, null);

        List<EnableOutcome> outcomes = enabler.run(List.of(fromSource("wf-1", "Notify", true)), enable());

        EnableOutcome outcome = outcomes.get(0);
        assertEquals(EnableOutcome.Action.ENABLED, outcome.action());
        assertEquals(List.of("getWorkflow wf-1", "patchWorkflow wf-1 /enabled=true", "getWorkflow wf-1"), api.calls);
        assertEquals("Enabled 'Notify' (id wf-1); 1 of 1 credential object without refID", outcome.message());
        assertEquals(1, outcome.withoutRefId().size());
        assertEquals("HTTP Request", outcome.withoutRefId().get(0).stepPath());
    }

    @Test
    void patchBodyIsReplaceOnEnabled() {
        assertEquals(
                "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]",
                WorkflowEnabler.enabledPatch(true).toString());
    }

    @Test
    void alreadyEnabledIsNotWritten() throws IscException {
        api.addWorkflow("wf-1", "Notify", true, PARAM, "r-1");

        EnableOutcome outcome = enabler.run(List.of(fromSource("wf-1", "Notify", true)), enable())
                .get(0);

        assertEquals(EnableOutcome.Action.ALREADY_ENABLED, outcome.action());
        assertEquals(0, api.count("patchWorkflow"));
        assertEquals(
                "Already enabled: 'Notify' (id wf-1); every credential object has a refID (check-references confirms"
                        + " the reference records)",
                outcome.message());
    }

    @Test
    void sourceDisabledIsLeftAlone() throws IscException {
        api.addWorkflow("wf-1", "Notify", false, PARAM, null);

        EnableOutcome outcome = enabler.run(List.of(fromSource("wf-1", "Notify", false)), enable())
                .get(0);

        assertEquals(EnableOutcome.Action.LEFT_AS_IS, outcome.action());
        assertEquals(0, api.count("patchWorkflow"));
        assertEquals(
                "Left 'Notify' (id wf-1) disabled: its source file does not set \"enabled\": true (set"
                        + " <enableAll>true</enableAll> or -Disc.enableAll=true to enable it anyway).",
                outcome.message());
    }

    @Test
    void enableAllEnablesSourceDisabled() throws IscException {
        api.addWorkflow("wf-1", "Notify", false, PARAM, null);

        EnableOutcome outcome = enabler.run(
                        List.of(fromSource("wf-1", "Notify", false)),
                        new WorkflowEnabler.Options(true, false, false, false))
                .get(0);

        assertEquals(EnableOutcome.Action.ENABLED, outcome.action());
    }

    @Test
    void namedWorkflowsAreEnabled() throws IscException {
        api.addWorkflow("wf-1", "Notify", false, PARAM, null);

        EnableOutcome outcome = enabler.run(List.of(new SelectedWorkflow("Notify", "wf-1", null, null)), enable())
                .get(0);

        assertEquals(EnableOutcome.Action.ENABLED, outcome.action());
    }

    @Test
    void disableTurnsOffEnabledOnly() throws IscException {
        api.addWorkflow("wf-1", "On", true, PARAM, null);
        api.addWorkflow("wf-2", "Off", false, PARAM, null);

        List<EnableOutcome> outcomes = enabler.run(
                List.of(fromSource("wf-1", "On", true), fromSource("wf-2", "Off", true)),
                new WorkflowEnabler.Options(false, true, false, false));

        assertEquals(EnableOutcome.Action.DISABLED, outcomes.get(0).action());
        assertEquals(EnableOutcome.Action.ALREADY_DISABLED, outcomes.get(1).action());
        assertEquals(
                List.of("patchWorkflow wf-1 /enabled=false"),
                api.calls.stream().filter(c -> c.startsWith("patch")).toList());
    }

    @Test
    void dryRunWritesNothing() throws IscException {
        api.addWorkflow("wf-1", "Notify", false, PARAM, null);
        api.addWorkflow("wf-2", "On", true, PARAM, null);

        List<EnableOutcome> enabling = enabler.run(
                List.of(fromSource("wf-1", "Notify", true)), new WorkflowEnabler.Options(false, false, true, true));
        List<EnableOutcome> disabling = enabler.run(
                List.of(fromSource("wf-2", "On", true)), new WorkflowEnabler.Options(false, true, false, true));

        assertEquals(EnableOutcome.Action.WOULD_ENABLE, enabling.get(0).action());
        assertEquals(
                "Would enable 'Notify' (id wf-1) (dry run, nothing written).",
                enabling.get(0).message());
        assertEquals(EnableOutcome.Action.WOULD_DISABLE, disabling.get(0).action());
        assertEquals(List.of("getWorkflow wf-1", "getWorkflow wf-2"), api.calls);
    }

    @Test
    void rejectionCarriesMessageAndTrackingId() throws IscException {
        api.addWorkflow("wf-1", "Bad", false, PARAM, null);
        api.addWorkflow("wf-2", "Good", false, PARAM, null);
        api.failures.put(
                "patchWorkflow wf-1",
                new IscException(
                        "PATCH /v2025/workflows/wf-1: 400",
                        400,
                        "400.1.1",
                        "b2c4e6",
                        List.of("Invalid step 'Send': subject.$ must be a JSONPath."),
                        null));

        List<EnableOutcome> outcomes =
                enabler.run(List.of(fromSource("wf-1", "Bad", true), fromSource("wf-2", "Good", true)), enable());

        assertEquals(EnableOutcome.Action.REJECTED, outcomes.get(0).action());
        assertEquals(
                "ISC rejected enabling workflow 'Bad' (id wf-1) (HTTP 400): Invalid step 'Send': subject.$ must be"
                        + " a JSONPath. trackingId: b2c4e6. Fix the workflow, deploy it again and rerun isc:enable;"
                        + " isc:validate finds some causes offline, such as a key ending in .$ that holds no"
                        + " JSONPath.",
                outcomes.get(0).message());
        assertEquals(EnableOutcome.Action.ENABLED, outcomes.get(1).action());
    }

    @Test
    void serverErrorEndsTheRun() {
        api.addWorkflow("wf-1", "Notify", false, PARAM, null);
        api.failures.put("patchWorkflow", new IscException("PATCH: 503", 503));

        assertThrows(IscException.class, () -> enabler.run(List.of(fromSource("wf-1", "Notify", true)), enable()));
    }

    @Test
    void missingWorkflowIsReported() throws IscException {
        EnableOutcome outcome =
                enabler.run(List.of(fromSource("wf-9", "Gone", true)), enable()).get(0);

        assertEquals(EnableOutcome.Action.NOT_FOUND, outcome.action());
        assertTrue(outcome.action().isFailure());
    }

    @Test
    void refreshReportsWhenNothingHelps() throws IscException {
        api.addWorkflow("wf-1", "Notify", false, PARAM, null);
        api.addParameter(PARAM, "crm");

        EnableOutcome outcome = enabler.run(
                        List.of(fromSource("wf-1", "Notify", true)),
                        new WorkflowEnabler.Options(false, false, true, false))
                .get(0);

        assertEquals(
                List.of(
                        "refreshReferences, disable and enable again: no refID appeared (1 credential object(s)"
                                + " still without).",
                        "refreshReferences, full PUT of the current definition: no refID appeared (1 credential"
                                + " object(s) still without).",
                        "refreshReferences: no API-only way gave 'Notify' (id wf-1) a usable reference. Fix: open"
                                + " the workflow in the ISC UI, disable it and enable it once, then rerun mvn verify"
                                + " (see docs/refid.md)."),
                outcome.refreshNotes());
        assertEquals(1, api.count("updateWorkflow wf-1"));
        assertTrue(WorkflowEnabler.isEnabled(api.workflows.get("wf-1")));
    }

    @Test
    void refreshTriesAgainForRefIdWithoutRecord() throws IscException {
        api.addWorkflow("wf-1", "Notify", false, PARAM, "minted-1");
        api.addParameter(PARAM, "crm");

        EnableOutcome outcome = enabler.run(
                        List.of(fromSource("wf-1", "Notify", true)),
                        new WorkflowEnabler.Options(false, false, true, false))
                .get(0);

        assertEquals(
                "refreshReferences, disable and enable again: refIDs are present, but 1 credential object(s) carry a"
                        + " refID with no reference record of this workflow behind it, so ISC would still fail the"
                        + " step.",
                outcome.refreshNotes().get(0));
        assertEquals(3, outcome.refreshNotes().size());
    }

    @Test
    void refreshSkippedWhenReferencesAreBacked() throws IscException {
        api.addWorkflow("wf-1", "Notify", false, PARAM, "r-1");
        api.addParameter(PARAM, "crm");
        api.addReference(PARAM, "r-1", FakeIscApi.hintFor("wf-1"));

        EnableOutcome outcome = enabler.run(
                        List.of(fromSource("wf-1", "Notify", true)),
                        new WorkflowEnabler.Options(false, false, true, false))
                .get(0);

        assertEquals(List.of(), outcome.refreshNotes());
        assertEquals(1, api.count("patchWorkflow"));
    }
}

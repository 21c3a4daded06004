package io.github.iscworkflows.emulator;

import java.util.Locale;

/**
 * When the emulator creates Parameter Storage reference records, and the {@code refID}s that point
 * to them, for the credential objects of a workflow.
 *
 * <p>Real tenants have been seen to behave like {@link #NEVER} and like {@link #ON_CREATE}; the other
 * modes let tests cover the remaining reports. The emulator-only UI toggle call creates references
 * in every mode.
 */
public enum ReferenceMode {
    /** No API call creates a reference; the {@code refID}s a client sends are stored as sent. */
    NEVER,
    /** Create and update create a reference for every credential object that lacks a valid one. */
    ON_CREATE,
    /** A write that leaves the workflow enabled creates the missing references. */
    ON_ENABLE,
    /** Create and update put a random {@code refID} with no reference record behind it. */
    DANGLING;

    /** Returns the spelling used in properties, seed files and docs: {@code never}, {@code on-create}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses {@code never}, {@code on-create}, {@code on_create} or {@code ON_CREATE} (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ReferenceMode parse(String text) {
        String normalised =
                text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ReferenceMode mode : values()) {
            if (mode.name().equals(normalised)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "Invalid reference mode '" + text + "': use one of never, on-create, on-enable, dangling.");
    }
}

package io.github.iscworkflows.support;

/** Formats counts for log lines and messages with the right singular or plural noun. */
public final class Counts {

    private Counts() {}

    /** {@code "1 workflow"}, {@code "2 workflows"}; the plural adds an "s". */
    public static String of(long count, String singular) {
        return count + " " + (count == 1 ? singular : singular + "s");
    }
}

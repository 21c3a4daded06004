package io.github.iscworkflows.deploy;

import java.util.ArrayList;
import java.util.List;

/** Line-based unified diff (the {@code diff -u} format) computed from a longest common subsequence. */
final class UnifiedDiff {

    private enum Kind {
        SAME,
        REMOVED,
        ADDED
    }

    private record Edit(Kind kind, String line, int oldIndex, int newIndex) {}

    private UnifiedDiff() {}

    /** The diff from {@code before} to {@code after} with {@code context} lines around each change; empty when equal. */
    static String of(String beforeLabel, String afterLabel, List<String> before, List<String> after, int context) {
        List<Edit> edits = edits(before, after);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).kind() == Kind.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            // Extend the hunk while the next change is within two context windows.
            int lastChange = i;
            for (int j = i; j < edits.size(); j++) {
                if (edits.get(j).kind() != Kind.SAME) {
                    if (j - lastChange > 2 * context) {
                        break;
                    }
                    lastChange = j;
                }
            }
            int end = Math.min(edits.size(), lastChange + context + 1);
            if (out.length() == 0) {
                out.append("--- ").append(beforeLabel).append('\n');
                out.append("+++ ").append(afterLabel).append('\n');
            }
            appendHunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Edit edit : hunk) {
            if (edit.kind() != Kind.ADDED) {
                oldCount++;
                if (oldStart < 0) {
                    oldStart = edit.oldIndex();
                }
            }
            if (edit.kind() != Kind.REMOVED) {
                newCount++;
                if (newStart < 0) {
                    newStart = edit.newIndex();
                }
            }
        }
        out.append("@@ -")
                .append(range(oldStart, oldCount, hunk.get(0).oldIndex()))
                .append(" +")
                .append(range(newStart, newCount, hunk.get(0).newIndex()))
                .append(" @@\n");
        for (Edit edit : hunk) {
            char prefix = edit.kind() == Kind.SAME ? ' ' : edit.kind() == Kind.REMOVED ? '-' : '+';
            out.append(prefix).append(edit.line()).append('\n');
        }
    }

    /** A hunk range: 1-based start and count; an empty side names the line before it. */
    private static String range(int start, int count, int fallback) {
        int first = count == 0 ? fallback : start + 1;
        return count == 1 ? String.valueOf(first) : first + "," + count;
    }

    private static List<Edit> edits(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                edits.add(new Edit(Kind.SAME, before.get(i), i++, j++));
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                edits.add(new Edit(Kind.REMOVED, before.get(i), i++, j));
            } else {
                edits.add(new Edit(Kind.ADDED, after.get(j), i, j++));
            }
        }
        return edits;
    }
}

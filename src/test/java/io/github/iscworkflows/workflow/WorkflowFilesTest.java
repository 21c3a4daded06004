package io.github.iscworkflows.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links and wrong folder paths; the links are made here because a checkout may not keep them. */
class WorkflowFilesTest {

    private static final String WORKFLOW = "{\"name\": \"Linked\", \"definition\": {}}";

    @TempDir
    Path temp;

    private Path folder() throws Exception {
        return Files.createDirectories(temp.resolve("workflows"));
    }

    private static List<String> lines(LoadResult result) {
        return result.problems().stream().map(Problem::format).toList();
    }

    @Test
    void symlinkedFileAndFolderAreRead() throws Exception {
        Path folder = folder();
        Path outside = Files.createDirectories(temp.resolve("shared"));
        Files.writeString(outside.resolve("a.json"), WORKFLOW, StandardCharsets.UTF_8);
        Files.createSymbolicLink(folder.resolve("linked.json"), outside.resolve("a.json"));
        Files.createSymbolicLink(folder.resolve("more"), outside);

        LoadResult result = new WorkflowLoader(folder).load(List.of(), List.of());

        assertEquals(2, result.filesRead());
        assertEquals(
                List.of("linked.json", "more/a.json"),
                result.workflows().stream().map(WorkflowSource::displayPath).toList());
        assertEquals(List.of(), lines(result));
    }

    @Test
    void brokenSymlinkIsError() throws Exception {
        Path folder = folder();
        Files.createSymbolicLink(folder.resolve("gone.json"), Path.of("missing.json"));

        LoadResult result = new WorkflowLoader(folder).load(List.of(), List.of());

        assertEquals(0, result.filesRead());
        assertEquals(
                List.of("gone.json:1:1: error symlink-broken the symbolic link points to missing.json, which does not"
                        + " exist, so the file cannot be read. Fix the link target or delete the link."),
                lines(result));
    }

    @Test
    void fileLinksPointingAtEachOtherAreLoop() throws Exception {
        Path folder = folder();
        Files.createSymbolicLink(folder.resolve("a.json"), Path.of("b.json"));
        Files.createSymbolicLink(folder.resolve("b.json"), Path.of("a.json"));

        LoadResult result = new WorkflowLoader(folder).load(List.of(), List.of());

        assertEquals(
                List.of(
                        "a.json:1:1: error symlink-loop the symbolic link is part of a chain of links that leads back"
                                + " to itself, so it names no file. Point the link at a real file, or delete it.",
                        "b.json:1:1: error symlink-loop the symbolic link is part of a chain of links that leads back"
                                + " to itself, so it names no file. Point the link at a real file, or delete it."),
                lines(result));
    }

    @Test
    void brokenSymlinkOutsideIncludesIsIgnored() throws Exception {
        Path folder = folder();
        Files.createSymbolicLink(folder.resolve("notes.txt"), Path.of("missing.txt"));

        LoadResult result = new WorkflowLoader(folder).load(List.of(), List.of());

        assertEquals(List.of(), lines(result));
    }

    @Test
    void symlinkLoopIsErrorAndWalkGoesOn() throws Exception {
        Path folder = folder();
        Files.createDirectories(folder.resolve("sub"));
        Files.createSymbolicLink(folder.resolve("sub/back"), folder);
        Files.writeString(folder.resolve("sub/z.json"), WORKFLOW, StandardCharsets.UTF_8);

        LoadResult result = new WorkflowLoader(folder).load(List.of(), List.of());

        assertEquals(1, result.filesRead());
        assertEquals(
                List.of("sub/back:1:1: error symlink-loop the symbolic link leads back to a folder that contains it,"
                        + " so its files would be read forever; it was not followed. Point the link elsewhere, or"
                        + " leave the folder out with <excludes>."),
                lines(result));
    }

    @Test
    void excludedSymlinkLoopIsIgnored() throws Exception {
        Path folder = folder();
        Files.createDirectories(folder.resolve("sub"));
        Files.createSymbolicLink(folder.resolve("sub/back"), folder);

        LoadResult result = new WorkflowLoader(folder).load(List.of(), List.of("sub/back/**"));

        assertEquals(List.of(), lines(result));
    }

    @Test
    void fileGivenAsFolderIsRejected() throws Exception {
        Path file = Files.writeString(temp.resolve("a.json"), WORKFLOW, StandardCharsets.UTF_8);

        NotDirectoryException problem =
                assertThrows(NotDirectoryException.class, () -> new WorkflowLoader(file).load(List.of(), List.of()));

        assertEquals(file.toString(), problem.getFile());
    }

    @Test
    void missingFolderYieldsNoFiles() throws Exception {
        LoadResult result = new WorkflowLoader(temp.resolve("none")).load(List.of(), List.of());

        assertEquals(0, result.filesRead());
        assertEquals(List.of(), lines(result));
    }
}

package io.github.iscworkflows.references;

/** The workflows to work on cannot be determined because of the project's configuration or files. */
public class SelectionException extends Exception {

    public SelectionException(String message) {
        super(message);
    }

    public SelectionException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.iscworkflows.client;

/**
 * A paged listing that failed after its first page, or that ended with fewer items than the server
 * announced. Callers that can find items another way (such as by a name filter) use {@link #offset()} to
 * report where the listing stopped; nothing read before it is returned.
 */
public final class ListingException extends IscException {

    private final int offset;
    private final boolean truncated;

    private ListingException(IscException cause, int offset) {
        super(cause.getMessage(), cause.status(), cause.detailCode(), cause.trackingId(), cause.texts(), cause);
        this.offset = offset;
        this.truncated = false;
    }

    private ListingException(String message, int offset) {
        super(message, 0);
        this.offset = offset;
        this.truncated = true;
    }

    /** Wraps the failure of the page at {@code offset}, keeping its message, status and tracking id. */
    static ListingException failedPage(IscException cause, int offset) {
        return new ListingException(cause, offset);
    }

    /** Creates the failure of a listing that ended after {@code itemsRead} items although the server announced more. */
    static ListingException truncated(String message, int itemsRead) {
        return new ListingException(message, itemsRead);
    }

    /** Returns the offset of the page that failed, or the number of items read before a truncated listing ended. */
    public int offset() {
        return offset;
    }

    /** Returns whether the listing ended early without an error response, rather than with a failed page. */
    public boolean truncated() {
        return truncated;
    }
}

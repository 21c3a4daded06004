package io.github.iscworkflows.maven;

import java.net.URI;

/** The tenant name used in messages and in the backup folder: the host (and port) of the tenant URL. */
final class TenantNames {

    private TenantNames() {}

    /** The authority of {@code url}, else of {@code SAIL_BASE_URL}, else {@code tenant}. */
    static String of(String url) {
        String value = url != null && !url.isBlank() ? url : System.getenv("SAIL_BASE_URL");
        if (value == null || value.isBlank()) {
            return "tenant";
        }
        try {
            String authority = URI.create(value.trim()).getAuthority();
            return authority == null ? "tenant" : authority;
        } catch (IllegalArgumentException e) {
            return "tenant";
        }
    }
}

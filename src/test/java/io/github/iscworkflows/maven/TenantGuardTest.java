package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.iscworkflows.client.ConnectionParameters;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class TenantGuardTest {

    @Test
    void trailingDotInUrlDoesNotEscapeReadOnlyHost() throws Exception {
        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> TenantGuard.check(
                        TenantGuard.parseUrl("https://acme.api.identitynow.com."),
                        writing(List.of("acme.api.identitynow.com"), null)));

        assertEquals(
                "The tenant acme.api.identitynow.com matches 'acme.api.identitynow.com' in <readOnlyTenants>"
                        + " (-Disc.readOnlyTenants), so this goal does not write to it. Point <url> (-Disc.url) at"
                        + " another tenant, remove the entry, or preview the changes with -Disc.dryRun=true.",
                e.getMessage());
    }

    @Test
    void trailingDotInUrlDoesNotEscapeReadOnlyPattern() {
        for (String url : List.of("https://ACME.api.identitynow.com./", "https://acme.api.identitynow.com.:443")) {
            assertThrows(
                    MojoFailureException.class,
                    () -> TenantGuard.check(TenantGuard.parseUrl(url), writing(List.of("*.api.identitynow.com"), null)),
                    url);
        }
    }

    @Test
    void trailingDotInReadOnlyEntryStillMatches() {
        assertThrows(
                MojoFailureException.class,
                () -> TenantGuard.check(
                        TenantGuard.parseUrl("https://acme.api.identitynow.com"),
                        writing(List.of("acme.api.identitynow.com."), null)));
    }

    @Test
    void expectTenantIgnoresTrailingDotsAndCase() {
        assertTrue(TenantGuard.isExpectedTenant("acme.api.identitynow.com", "ACME.api.identitynow.com."));
        assertTrue(TenantGuard.isExpectedTenant("acme.api.identitynow.com.", "acme.api.identitynow.com"));
        assertTrue(TenantGuard.isExpectedTenant("acme", "acme.api.identitynow.com."));
        assertFalse(TenantGuard.isExpectedTenant("acme-sb", "acme.api.identitynow.com."));
    }

    @Test
    void hostPatternsNormaliseBothSides() {
        assertEquals("acme.api.identitynow.com", HostPatterns.normalise(" ACME.api.identitynow.com. "));
        assertTrue(HostPatterns.matches("*.api.identitynow.com", "acme.api.identitynow.com."));
        assertTrue(HostPatterns.matches("*.API.identitynow.com.", "acme.api.identitynow.com"));
        assertFalse(HostPatterns.matches("*.api.identitynow.com", "acme.api.identitynow.com.evil.example"));
    }

    private static ConnectionParameters writing(List<String> readOnlyTenants, String expectTenant) {
        return new ConnectionParameters(
                null,
                "id",
                "secret",
                null,
                "v2025",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                0,
                readOnlyTenants,
                expectTenant,
                false,
                true);
    }
}

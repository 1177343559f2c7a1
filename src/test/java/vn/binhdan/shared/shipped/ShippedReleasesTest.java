package vn.binhdan.shared.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.binhdan.shared.shipped.ShippedReleases.Release;
import vn.binhdan.shared.shipped.ShippedReleases.Step;

/** The one rule every kind of shipped content follows when a release starts. */
class ShippedReleasesTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static Optional<Release> installed(String hash) {
        return Optional.of(new Release(hash, AT, null, null));
    }

    @Test
    void contentLeftAsInstalledTakesTheNewRelease() {
        assertThat(ShippedReleases.decide(installed("v1"), "v2", "v1", false, false)).isEqualTo(Step.UPGRADE);
    }

    @Test
    void editedContentKeepsTheProvincesVersionAndTheReleaseWaits() {
        assertThat(ShippedReleases.decide(installed("v1"), "v2", "mine", true, false)).isEqualTo(Step.WAIT);
        assertThat(ShippedReleases.decide(installed("v1"), "v2", "v1", true, true)).as("retired or illustrated")
                .isEqualTo(Step.WAIT);
    }

    @Test
    void aReleaseThatBringsNothingNewDoesNothingWhateverTheProvinceDid() {
        assertThat(ShippedReleases.decide(installed("v1"), "v1", "mine", false, false)).isEqualTo(Step.NOTHING);
        assertThat(ShippedReleases.decide(installed("v1"), "v1", "v1", false, false)).isEqualTo(Step.NOTHING);
    }

    @Test
    void contentAlreadyAsShippedIsRecordedOnce() {
        assertThat(ShippedReleases.decide(Optional.empty(), "v2", "v2", false, true)).isEqualTo(Step.RECORD);
        assertThat(ShippedReleases.decide(installed("v1"), "v2", "v2", false, false)).isEqualTo(Step.RECORD);
        assertThat(ShippedReleases.decide(Optional.of(new Release("v2", AT, "v3", AT)), "v2", "v2", false, false))
                .as("an author merged what waited").isEqualTo(Step.RECORD);
    }

    @Test
    void withoutARecordTheKindSaysWhetherThePieceIsAsTheSystemInstalledIt() {
        assertThat(ShippedReleases.decide(Optional.empty(), "v2", "v1", true, false)).isEqualTo(Step.UPGRADE);
        assertThat(ShippedReleases.decide(Optional.empty(), "v2", "v1", false, false)).isEqualTo(Step.WAIT);
        assertThat(ShippedReleases.decide(Optional.of(new Release(ShippedReleases.UNKNOWN, AT, "v2", AT)), "v3", "v1",
                true, false)).as("first seen edited: still the province's").isEqualTo(Step.WAIT);
    }

    @Test
    void partsAreHashedApart() {
        assertThat(ShippedReleases.hash("ab", "c")).isNotEqualTo(ShippedReleases.hash("a", "bc"));
        assertThat(ShippedReleases.hash("a", null)).isEqualTo(ShippedReleases.hash("a", null)).hasSize(64);
    }
}

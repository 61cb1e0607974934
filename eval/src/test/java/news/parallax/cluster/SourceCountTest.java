package news.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceCountTest {
    @Test
    void aSyndicatedCopyCountsOnceAndItsOutletHasNoIndependentReport() {
        Clustering.Group flood = new Clustering.Group(List.of("flood-1", "flood-2", "flood-3", "flood-copy"), Map.of(),
                Map.of("flood-copy", "flood-1"));
        Map<String, String> outlets = Map.of("flood-1", "Coast Herald", "flood-2", "National Wire", "flood-3", "Evening Post",
                "flood-copy", "Reposting Site");
        SourceCount count = SourceCount.of(flood, outlets::get);
        assertThat(count.articles()).isEqualTo(4);
        assertThat(count.independent()).isEqualTo(3);
        assertThat(count.perOutlet()).containsEntry("Reposting Site", 0).containsEntry("Coast Herald", 1);
    }
}

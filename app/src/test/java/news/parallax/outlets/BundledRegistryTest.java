package news.parallax.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import news.parallax.model.Side;
import org.junit.jupiter.api.Test;

/** The bundled registry (its share of the corpus resolved: eval's {@code RegistryCoverageTest}). */
class BundledRegistryTest {
    @Test
    void bundledRegistryCitesItsRaters() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(OutletRegistries.BUNDLED_RESOURCE)) {
            String head = new String(in.readNBytes(4000), StandardCharsets.UTF_8);
            assertThat(head).contains("AllSides").contains("Media Bias/Fact Check").contains("CC BY-NC 4.0");
        }
    }

    @Test
    void corpusNamesResolveWithEveryRatersLabel() {
        DefaultOutletRegistry registry = OutletRegistries.bundled();
        Outlet fox = registry.find("Fox Online News").orElseThrow();
        assertThat(fox.domain()).isEqualTo("foxnews.com");
        assertThat(fox.side()).isEqualTo(Side.RIGHT);
        assertThat(fox.ratings()).extracting(Outlet.Rating::rater).contains("AllSides", "Media Bias/Fact Check");
        assertThat(registry.find("New York Times - News").map(Outlet::domain)).contains("nytimes.com");
    }
}

package news.parallax.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The generator rebuilds the bundled registry from the public rating files (AllSides' CSV read by Apache Commons CSV
 * since issue 17, MBFC's JSON and TSV files): the same outlets with the same ratings.
 */
class RegistryGeneratorTest {
    private static final Path DATA = Path.of("../shared/data/outlets");

    @Test
    void rebuildsTheBundledRegistry() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DATA.resolve("allsides-2019.csv")),
                "outlet rating files absent at " + DATA.toAbsolutePath() + "; skipping");
        List<Outlet> generated = new RegistryGenerator(DATA).build();
        List<Outlet> bundled;
        try (InputStream in = getClass().getResourceAsStream(OutletRegistries.BUNDLED_RESOURCE)) {
            bundled = RegistryFile.read(in, OutletRegistries.BUNDLED_RESOURCE);
        }
        assertThat(generated).hasSize(bundled.size());
        Map<String, Outlet> byId = generated.stream().collect(Collectors.toMap(Outlet::id, Function.identity()));
        for (String id : List.of("foxnews.com", "nytimes.com", "cnn.com", "breitbart.com", "reuters.com", "wsj.com")) {
            Outlet want = bundled.stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
            assertThat(byId.get(id).ratings()).as(id).isEqualTo(want.ratings());
            assertThat(want.ratings()).as(id).extracting(Outlet.Rating::rater).contains(RegistryGenerator.ALLSIDES);
        }
        assertThat(generated).isEqualTo(bundled);
    }
}

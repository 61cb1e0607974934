package news.parallax.outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.parallax.model.Bias;
import news.parallax.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultOutletRegistryTest {
    private static final Outlet DAILY = new Outlet("daily.example", "The Daily Example", List.of("Daily Example - News"),
            Bias.LEAN_LEFT, "high", null, null, List.of(new Outlet.Rating("AllSides", "left-center", null, null)));
    private static final Outlet DAILY_OPINION = new Outlet("daily.example", "Daily Example - Opinion", List.of(), Bias.LEFT,
            null, null, null, List.of(new Outlet.Rating("AllSides", "left", null, null)), "daily.example#opinion", null, null);
    private static final Outlet COLUMNIST = new Outlet("", "Jane Columnist", List.of(), Bias.RIGHT, null, null, null,
            List.of(new Outlet.Rating("AllSides", "right", null, null)), "name:jane-columnist", "Author", null);

    private final DefaultOutletRegistry registry = new DefaultOutletRegistry(List.of(DAILY_OPINION, DAILY, COLUMNIST));

    @Test
    void urlOnASubdomainResolvesToTheNewsroomNotItsSection() {
        assertThat(registry.find("https://politics.blogs.daily.example/2020/01/story.html")).contains(DAILY);
    }

    @Test
    void namesResolveWithAndWithoutSectionQualifier() {
        assertThat(registry.find("daily example - news")).contains(DAILY);
        assertThat(registry.find("Daily Example - Opinion")).contains(DAILY_OPINION);
        assertThat(registry.find("The Daily Example (Online)")).contains(DAILY);
        assertThat(registry.find("Jane Columnist")).contains(COLUMNIST);
    }

    @Test
    void unknownOutletsAreNotGuessed() {
        assertThat(registry.find("weekly.example")).isEmpty();
        assertThat(registry.find("The Weekly Example")).isEmpty();
        assertThat(registry.find("")).isEmpty();
    }

    @Test
    void userFileOverridesBiasAndAddsOutlets(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(OutletRegistries.USER_FILE), """
                {"outlets": [
                  {"domain": "daily.example", "name": "Daily Example", "ownership": "corporate", "country": "US",
                   "ratings": [{"rater": "user", "bias": "center"}]},
                  {"domain": "https://www.local.example/", "name": "Local Example", "bias": "lean-right", "aliases": ["LE"]}
                ]}""");
        DefaultOutletRegistry merged = OutletRegistries.withUserFile(registry, dir.resolve(OutletRegistries.USER_FILE));
        Outlet daily = merged.find("daily.example").orElseThrow();
        // user "center" (3) and AllSides "left-center" (2) average 2.5: rounded toward the centre.
        assertThat(daily.bias()).isEqualTo(Bias.CENTER);
        assertThat(daily.ownership()).isEqualTo("corporate");
        assertThat(daily.ratings()).extracting(Outlet.Rating::rater).containsExactly("user", "AllSides");
        assertThat(merged.find("The Daily Example")).contains(daily);
        assertThat(merged.find("LE").map(Outlet::side)).contains(Side.RIGHT);
    }

    @Test
    void badUserFileNamesFileAndEntry(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("outlets.json");
        Files.writeString(file, "{\"outlets\": [{\"domain\": \"a.example\", \"name\": \"A\", \"bias\": \"leftish\"}]}");
        assertThatThrownBy(() -> OutletRegistries.withUserFile(registry, file))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("outlets[0]").hasMessageContaining("leftish");
    }
}

package news.parallax.outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OwnershipListTest {
    private static Map<String, OwnershipList.Owner> read(String text) throws IOException {
        return OwnershipList.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "owners.tsv");
    }

    @Test
    void everyListedDomainIsAnOutletOfTheBundledRegistry() throws IOException {
        Set<String> domains;
        try (InputStream in = getClass().getResourceAsStream(OutletRegistries.BUNDLED_RESOURCE)) {
            domains = RegistryFile.read(in, "bundled").stream().map(Outlet::domain).collect(Collectors.toSet());
        }
        // A misspelt domain would silently own nothing.
        assertThat(domains).containsAll(OwnershipList.bundled().keySet());
        assertThat(OwnershipList.bundled()).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void bundledRegistryCarriesOwnersToEveryEntryOfTheDomain() {
        DefaultOutletRegistry registry = OutletRegistries.bundled();
        Outlet cnn = registry.find("CNN (Web News)").orElseThrow();
        assertThat(cnn.owner()).isEqualTo("Warner Bros. Discovery");
        assertThat(cnn.ownership()).isEqualTo("public company");
        Outlet opinion = registry.find("Fox News Opinion").orElseThrow();
        assertThat(opinion.id()).isNotEqualTo(opinion.domain());
        assertThat(opinion.ownership()).isEqualTo("public company");
        assertThat(registry.find("https://www.npr.org/2020/03/13/story").orElseThrow().ownership()).isEqualTo("non-profit");
        assertThat(registry.find("infowars.com").orElseThrow().ownership()).as("not listed: unknown").isNull();
    }

    @Test
    void malformedRowsAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> read("# a comment\nexample.com\tExample Co\tcorporate\n"))
                .isInstanceOf(RegistryFormatException.class).hasMessageContaining("owners.tsv:2").hasMessageContaining("corporate");
        assertThatThrownBy(() -> read("example.com\tExample Co\n")).hasMessageContaining("owners.tsv:1");
        assertThatThrownBy(() -> read("a.example\tA\ttrust\nA.example\tB\ttrust\n")).hasMessageContaining("listed twice");
    }

    @Test
    void anOutletThatNamesItsOwnKindOfOwnerKeepsIt() throws IOException {
        Outlet named = new Outlet("a.example", "A", List.of(), null, null, "non-profit", null, List.of());
        Outlet unnamed = new Outlet("a.example", "A section", List.of(), null, null, null, null, List.of(), "a.example#s", null, null);
        List<Outlet> applied = OwnershipList.apply(List.of(named, unnamed), read("a.example\tA Holdings\tpublic company\n"));
        assertThat(applied.get(0).ownership()).isEqualTo("non-profit");
        assertThat(applied.get(0).owner()).isNull();
        assertThat(applied.get(1).owner()).isEqualTo("A Holdings");
    }

    @Test
    void aUserFileNamingAnotherKindOfOwnerDropsTheOldOwnersName() {
        DefaultOutletRegistry base = new DefaultOutletRegistry(List.of(
                new Outlet("a.example", "A", List.of(), null, null, null, null, List.of()).withOwner("Old Owner", "public company")));
        Outlet user = new Outlet("a.example", "A", List.of(), null, null, "non-profit", null, List.of());
        Outlet merged = base.withOverrides(List.of(user)).find("a.example").orElseThrow();
        assertThat(merged.ownership()).isEqualTo("non-profit");
        assertThat(merged.owner()).isNull();
    }
}

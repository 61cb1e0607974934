package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import news.parallax.model.Claim.Stance;
import org.junit.jupiter.api.Test;

/** The claims stage's word lists live in resource files that name their source (issue 17), and roles are typed. */
class WordListsTest {
    private static final Path LISTS = Path.of("app/src/main/resources/claims");

    @Test
    void everyWordListNamesItsSourceInItsHeader() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(LISTS)) {
            files = s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".tsv")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path f : files) {
            List<String> header = Files.readAllLines(f).stream().takeWhile(l -> l.startsWith("#")).toList();
            assertThat(header).as(f.toString()).anyMatch(l -> l.startsWith("# Source:"));
        }
    }

    @Test
    void listsAreReadLowerCaseWithoutComments() {
        assertThat(WordLists.set("speech-verbs.txt")).contains("said", "told")
                .noneMatch(w -> w.startsWith("#") || w.isBlank());
        assertThat(WordLists.numbers("number-scales.tsv")).containsEntry("million", 1_000_000L).containsEntry("dozen", 12L);
        assertThat(WordLists.pairs("thing-classes.tsv")).containsEntry("soldier", "troops");
    }

    @Test
    void rolesKeepTheLabelsTheClaimsJsonHasAlwaysShown() {
        assertThat(Role.REPORTED.label()).isEqualTo("reported");
        assertThat(Role.deployedTo("Kursk").label()).isEqualTo("deployed to Kursk");
        assertThat(Role.of(Stance.DENIED).label()).isEqualTo("denied");
    }
}

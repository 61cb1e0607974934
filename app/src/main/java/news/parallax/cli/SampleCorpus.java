package news.parallax.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small sample of the project's own making, for {@code demo} where ../shared is absent: two
 * invented events, each reported by outlets of different leanings, as text dumps with sidecars.
 */
final class SampleCorpus {
    private SampleCorpus() {}

    private record Sample(String name, String source, String bias, String date, String body) {}

    private static final Sample[] SAMPLES = {
        new Sample("harbor-left", "Riverside Ledger", "left", "2025-03-04",
                "Harbor bridge closed after storm damage\nCity engineers closed the Harbor Bridge on Tuesday after the storm "
                        + "cracked two support cables, diverting 40,000 daily commuters.\nThe mayor said repairs could take "
                        + "three weeks and promised free ferry rides in the meantime.\nUnion leaders warned that years of "
                        + "deferred maintenance left the bridge exposed."),
        new Sample("harbor-center", "Valley Wire", "center", "2025-03-04",
                "Storm damage shuts Harbor Bridge for weeks\nThe Harbor Bridge was closed on Tuesday after storm winds "
                        + "damaged two support cables, city engineers said.\nAbout 40,000 commuters cross the bridge each "
                        + "day; officials said repairs would take up to three weeks.\nFerries will run without charge "
                        + "until the bridge reopens, the mayor's office said."),
        new Sample("harbor-right", "Frontier Courier", "right", "2025-03-05",
                "Bridge closure snarls traffic as city scrambles\nDrivers faced long delays on Wednesday after the city "
                        + "closed the Harbor Bridge, whose support cables were damaged in the storm.\nCouncil members "
                        + "questioned why an inspection last year did not flag the cables.\nThe mayor estimated three weeks "
                        + "of repairs and said the cost was not yet known."),
        new Sample("library-left", "Riverside Ledger", "left", "2025-05-10",
                "New public library opens in the east district\nThe east district's first public library opened on "
                        + "Saturday with 60,000 books and a makerspace for teenagers.\nResidents had campaigned for the "
                        + "library for more than a decade, organisers said."),
        new Sample("library-center", "Valley Wire", "center", "2025-05-10",
                "East district library opens its doors\nA public library with 60,000 books opened on Saturday in the "
                        + "east district after a decade-long campaign by residents.\nThe building also houses a "
                        + "makerspace and a community hall, the city said."),
    };

    static Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Sample s : SAMPLES) {
                Files.writeString(dir.resolve(s.name() + ".txt"), s.body() + "\n", StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(s.name() + ".meta.json"), """
                        {"source": "%s", "bias": "%s", "date": "%s", "url": "https://example.org/%s"}
                        """.formatted(s.source(), s.bias(), s.date(), s.name()), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo sample to " + dir, e);
        }
    }
}

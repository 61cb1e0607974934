package news.parallax.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The feed list shipped with Parallax ({@code feeds/default-feeds.tsv}), each feed tied to its outlet's domain. */
public final class DefaultFeeds {
    static final String RESOURCE = "/feeds/default-feeds.tsv";
    private static final int COLUMNS = 5;

    /**
     * One shipped source.
     *
     * @param outletDomain the outlet registry's domain for the outlet
     * @param country      ISO 3166-1 alpha-2 code of the outlet's home country
     */
    public record DefaultFeed(String outletDomain, String country, String name, FeedSource.Kind kind, String url) {
        public DefaultFeed {
            Objects.requireNonNull(outletDomain, "outletDomain");
            Objects.requireNonNull(url, "url");
        }
    }

    private DefaultFeeds() {}

    /** @throws IllegalStateException naming the line when the shipped list is malformed */
    public static List<DefaultFeed> load() {
        try (InputStream in = DefaultFeeds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<DefaultFeed> out = new ArrayList<>();
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != COLUMNS)
                    throw new IllegalStateException(RESOURCE + ":" + n + ": expected " + COLUMNS + " tab-separated columns");
                out.add(new DefaultFeed(f[0].strip(), f[1].strip(), f[2].strip(), FeedSource.Kind.parse(f[3]),
                        f[4].strip()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

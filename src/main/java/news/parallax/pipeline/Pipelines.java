package news.parallax.pipeline;

import news.parallax.cluster.StoryClusterer;
import news.parallax.extract.HtmlExtractor;

/** The project's standard stage implementations, chosen in one place. */
public final class Pipelines {
    private Pipelines() {}

    public static HtmlExtractor standardHtmlExtractor() {
        return new FallbackHtmlExtractor();
    }

    public static StoryClusterer standardClusterer() {
        return new FallbackClusterer();
    }
}

package news.parallax.cluster;

/** Ready-made clusterers. */
public final class StoryClusterers {
    private StoryClusterers() {}

    /** The product clusterer: {@link ClusterConfig#defaults()} with all-MiniLM-L6-v2 embeddings. */
    public static StandardStoryClusterer standard() {
        return new StandardStoryClusterer(ClusterConfig.defaults(), new MiniLmEmbedder());
    }

    /** The product clusterer with other settings; embeddings from all-MiniLM-L6-v2 when the config uses them. */
    public static StandardStoryClusterer withConfig(ClusterConfig config) {
        return new StandardStoryClusterer(config, config.usesEmbeddings() ? new MiniLmEmbedder() : null);
    }

    /** A stateful clusterer for live ingestion: call {@link OnlineStoryClusterer#add} per new article. */
    public static OnlineStoryClusterer incremental() {
        return new OnlineStoryClusterer(ClusterConfig.defaults(), new MiniLmEmbedder());
    }
}

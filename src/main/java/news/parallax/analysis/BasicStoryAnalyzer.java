package news.parallax.analysis;

import news.parallax.outlets.OutletRegistry;

/**
 * The first analyzer's name, kept for callers written against it; delegates to {@link DefaultStoryAnalyzer}.
 *
 * @deprecated use {@link DefaultStoryAnalyzer}
 */
@Deprecated
public final class BasicStoryAnalyzer implements StoryAnalyzer {
    private final DefaultStoryAnalyzer delegate;

    public BasicStoryAnalyzer(OutletRegistry registry) {
        this.delegate = new DefaultStoryAnalyzer(registry);
    }

    /** The analyzer this name stands for. */
    public DefaultStoryAnalyzer delegate() {
        return delegate;
    }

    @Override
    public StoryView analyze(StoryMembers story) {
        return delegate.analyze(story);
    }
}

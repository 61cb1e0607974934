package news.parallax.analysis;

import news.parallax.model.StoryMembers;

/**
 * Builds the reader's view of one story: landscape, summary, key points per side, claims.
 *
 * <p>Contract: pure function of its input and the analyzer's registry; thread-safe.
 */
public interface StoryAnalyzer {
    StoryView analyze(StoryMembers story);
}

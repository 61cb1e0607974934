package news.parallax.pipeline;

import static news.parallax.pipeline.StoryFixtures.article;
import static news.parallax.pipeline.StoryFixtures.clusterer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import news.parallax.cluster.Clustering;
import news.parallax.cluster.StoryClusterer;
import news.parallax.extract.HtmlExtractors;
import news.parallax.model.Article;
import news.parallax.store.StaleStoriesException;
import news.parallax.store.Store;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15's race: a pass that read the store, while another process adds articles and saves its stories, then
 * saves its own. The version check refuses the stale save and the pass runs again on the newer store, so no
 * article ends up in no story.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StaleSaveTest {
    private static final int LATE_ARTICLES = 40;

    @Parameter
    TestDatabase database;

    @TempDir
    java.nio.file.Path data;

    /** Distinct subjects, so that every article is a story of its own unless the clusterer says otherwise. */
    private static List<Article> articles(String prefix, int from, int n) {
        String[] places = {"Eastport", "Altavia", "Norholm", "Vesta", "Kirrin", "Osterby", "Lunde", "Marrow"};
        List<Article> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            String place = places[i % places.length] + " district " + i;
            out.add(article(prefix + i, i * 30L, "Council of " + place + " approves budget number " + i,
                    "The council of " + place + " approved budget number " + i + " after a debate about roads, schools and "
                            + "harbour repairs number " + (i * 7) + " on the " + i + "th day."));
        }
        return out;
    }

    /** A clusterer whose first call waits, after the store was read, until the test lets it go on. */
    private static final class PausingClusterer implements StoryClusterer {
        final StoryClusterer delegate = clusterer();
        final CountDownLatch read = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Clustering cluster(List<Article> articles) {
            return cluster(articles, done -> { });
        }

        @Override
        public Clustering cluster(List<Article> articles, IntConsumer progress) {
            if (calls.incrementAndGet() == 1) {
                read.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return delegate.cluster(articles, progress);
        }

        @Override
        public Optional<Clustering> extendChanged(List<Article> more, IntConsumer progress) {
            return delegate.extendChanged(more, progress);
        }
    }

    @Test
    void aSaveFromAnOlderSnapshotIsRefusedAndThePassRunsAgain() throws Exception {
        TestDatabase.Fresh db = database.fresh(data);
        try (Store slowStore = db.open(); Store otherStore = database == TestDatabase.SQLITE ? slowStore : db.open()) {
            slowStore.insert(articles("early-", 0, 10));
            PausingClusterer paused = new PausingClusterer();
            Pipeline slow = new Pipeline(slowStore, HtmlExtractors.standard(), paused);
            CompletableFuture<Integer> slowPass = CompletableFuture.supplyAsync(() -> slow.recluster(ProgressListener.NONE));
            assertThat(paused.read.await(30, TimeUnit.SECONDS)).as("the slow pass read the store").isTrue();

            // Meanwhile another process stores more articles and saves its stories.
            otherStore.insert(articles("late-", 10, LATE_ARTICLES));
            Pipeline other = new Pipeline(otherStore, HtmlExtractors.standard(),
                    clusterer());
            other.recluster(ProgressListener.NONE);
            long versionAfterOther = otherStore.storyVersion();

            paused.go.countDown();
            slowPass.get(60, TimeUnit.SECONDS);

            assertThat(paused.calls.get()).as("the slow pass was refused once and ran again").isEqualTo(2);
            assertThat(slowStore.storyVersion()).isEqualTo(versionAfterOther + 1);
            assertThat(slowStore.hasArticlesOutsideStories()).as("no article in no story").isFalse();
            assertThat(slowStore.storyMembership()).hasSize(10 + LATE_ARTICLES);
        }
    }

    @Test
    void aCheckedSaveOfAnOldVersionWritesNothing() {
        try (Store store = database.fresh(data).open()) {
            store.insert(articles("a-", 0, 3));
            Pipeline pipeline = new Pipeline(store, HtmlExtractors.standard(),
                    clusterer());
            long before = store.storyVersion();
            pipeline.recluster(ProgressListener.NONE);
            assertThat(store.storyVersion()).isEqualTo(before + 1);
            int stories = store.storyCount();

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.replaceStories(List.of(), List.of(), before))
                    .isInstanceOf(StaleStoriesException.class).hasMessageContaining("expected " + before);
            assertThat(store.storyCount()).as("the refused save deleted nothing").isEqualTo(stories);
        }
    }
}

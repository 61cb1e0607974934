package news.parallax.pipeline;

import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.Store;

/** The process {@link ViewRebuildKillTest} kills: rebuilds the stale views of the store at the given JDBC URL. */
public final class ViewRebuildChild {
    private ViewRebuildChild() {}

    public static void main(String[] args) {
        try (Store store = Store.open(args[0])) {
            StoredViews views = new StoredViews(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), 2);
            int built = views.buildStale((phase, done, total) -> System.out.println(phase + " " + done + "/" + total));
            System.out.println("done " + built);
        }
    }
}

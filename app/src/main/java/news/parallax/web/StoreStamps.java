package news.parallax.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.parallax.store.Store;
import news.parallax.store.StoredView;
import org.jspecify.annotations.Nullable;

/**
 * What every story's page is made from, as this server last read it from the store: each story's view stamps and
 * topic and thread links, and a generation that changes whenever any story, stored view or link does. A daemon thread asks the store every {@link #POLL}
 * whether anything changed ({@link Store#changeProbe}, a few microseconds) and then re-reads them all, so a save by any process (a live pass, an ingest, another web node's rebuild on the same PostgreSQL)
 * is seen within one poll; requests that hit {@link PageCache} then never touch the store. Thread-safe.
 */
final class StoreStamps implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreStamps.class);
    /** How often the store is re-read: the longest a cached page can outlive a save. */
    static final Duration POLL = Duration.ofSeconds(1);

    /**
     * One reading of the store.
     *
     * @param byStory    each story's stamps, by id
     * @param generation changes when any story, stored view, topic tag or thread link does (a hash over all of them)
     * @param links      what each story's page shows beside its view (its topic tags and thread links,
     *                   {@link Store#linksByStory}), by id; absent for a story with neither
     * @param sources    what each story's page is made from ({@link StoryViews#source} with its own {@code links}), by id;
     *                   absent where not known (not cacheable). Built once per reading, so a request builds no key.
     */
    record Snapshot(Map<String, StoredView.Stamps> byStory, String generation, Map<String, String> links, Map<String, String> sources) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), "", Map.of(), Map.of());

        StoredView.@Nullable Stamps story(String id) {
            return byStory.get(id);
        }

        /** What story {@code id}'s page and JSON are made from in this reading; null when not cacheable or unknown. */
        @Nullable String source(String id) {
            return sources.get(id);
        }

        /** Story {@code id}'s topic tags and thread links in this reading ("" for none). */
        String linksOf(String id) {
            return links.getOrDefault(id, "");
        }
    }

    /**
     * A page's source with the topic and thread links it shows: what a kept story page or JSON is keyed on. Only the
     * story's own links: a topic refresh that leaves them as they were keeps the page (issue 19, session 9).
     */
    static @Nullable String withLinks(@Nullable String source, String links) {
        return source == null ? null : source + "/" + links;
    }

    private final Store store;
    private volatile Snapshot current = Snapshot.EMPTY;
    /** The store's change probe when {@link #current} was read; the poller re-reads only when it moves. */
    private volatile String probe = "";
    private final Thread poller;

    StoreStamps(Store store) {
        this.store = store;
        refresh();
        this.poller = Thread.ofPlatform().daemon().name("store-stamps").unstarted(this::poll);
        poller.start();
    }

    Snapshot now() {
        return current;
    }

    /** Reads the store now (the poller does this every {@link #POLL} when the store's change probe moved); returns the new snapshot. */
    Snapshot refresh() {
        // The probe is read first: a change landing during the scan moves it again, so the next poll re-reads.
        probe = store.changeProbe();
        List<StoredView.Stamps> rows = store.allViewStamps();
        Map<String, StoredView.Stamps> byStory = new HashMap<>(rows.size() * 2);
        MessageDigest digest = sha256();
        for (StoredView.Stamps s : rows) {
            byStory.put(s.storyId(), s);
            digest.update((s.storyId() + '\n' + s.storyStamp() + '\n' + s.viewStamp() + '\n' + s.viewVersion() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> links = store.linksByStory();
        // In id order, so only a change to some story's links changes the generation.
        for (Map.Entry<String, String> l : new java.util.TreeMap<>(links).entrySet())
            digest.update(("l " + l.getKey() + '\n' + l.getValue() + '\n').getBytes(StandardCharsets.UTF_8));
        // Rows come in id order, so only a change to some story or view changes the generation.
        String generation = rows.size() + ":" + java.util.HexFormat.of().formatHex(digest.digest(), 0, 12);
        Map<String, String> sources = new HashMap<>(rows.size() * 2);
        for (StoredView.Stamps st : rows) {
            String source = withLinks(StoryViews.source(st), links.getOrDefault(st.storyId(), ""));
            if (source != null) sources.put(st.storyId(), source);
        }
        Snapshot s = new Snapshot(Map.copyOf(byStory), generation, Map.copyOf(links), Map.copyOf(sources));
        current = s;
        return s;
    }

    private void poll() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(POLL);
                if (!store.changeProbe().equals(probe)) refresh();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A store briefly unreadable (locked, restarting): keep the last snapshot, try again next poll.
                LOG.warn("cannot read story stamps from {} (pages keep the last reading): {}", store.location(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        poller.interrupt();
        try {
            poller.join(StoryViews.CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e); // every JDK has it
        }
    }
}

package news.parallax.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import news.parallax.model.JoinReason;
import news.parallax.internal.Hashes;
import news.parallax.model.StoryRef;

/** A story to store: its listing data and, per member, copy-of link and join reason. */
public record StoredStory(StoryRef ref, Map<String, String> copyOf, Map<String, JoinReason> reasons) {
    public StoredStory {
        copyOf = Map.copyOf(copyOf);
        reasons = Map.copyOf(reasons);
    }

    public List<String> articleIds() {
        return ref.articleIds();
    }

    /** This story under another id (permalinks keep a stored story's id). */
    public StoredStory withId(String id) {
        StoryRef r = new StoryRef(id, ref.title(), ref.sourceCount(), ref.articleCount(), ref.firstSeen(), ref.lastSeen(),
                ref.articleIds());
        return new StoredStory(r, copyOf, reasons);
    }

    /** A hash of everything a story's view is built from except the article texts, which never change: see {@link #stamp(StoryRef, Map, Map)}. */
    public String stamp() {
        return stamp(ref, copyOf, reasons);
    }

    /**
     * The stamp of a story: its listing (title, counts, times), members in order, copy links and join reasons, but
     * not its id, hashed. A stored view built from the same stamp is current (articles are never edited in place).
     */
    public static String stamp(StoryRef ref, Map<String, String> copyOf, Map<String, JoinReason> reasons) {
        StringBuilder s = new StringBuilder(64 * ref.articleIds().size() + 64);
        s.append(ref.title()).append('\u0001').append(ref.sourceCount()).append('\u0001').append(ref.articleCount())
                .append('\u0001').append(ref.firstSeen()).append('\u0001').append(ref.lastSeen());
        for (String id : ref.articleIds()) s.append('\u0002').append(id);
        for (var e : new TreeMap<>(copyOf).entrySet()) s.append('\u0003').append(e.getKey()).append('>').append(e.getValue());
        for (var e : new TreeMap<>(reasons).entrySet()) {
            JoinReason r = e.getValue();
            s.append('\u0004').append(e.getKey()).append(':').append(r.similarity()).append(',').append(r.threshold())
                    .append(',').append(r.matchedArticle()).append(',').append(String.join("|", r.terms())).append(',')
                    .append(String.join("|", r.entities()));
        }
        return Hashes.sha256Hex(s.toString(), 16);
    }
}

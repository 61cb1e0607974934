package news.parallax.editor;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An editor's correction to clustering, as stored: who, when, what. Stories are named as they were then, with
 * their members, because later clustering may rename or reshape them; articles are named by id, which never changes.
 *
 * @param id             its number, in the order corrections are replayed (0 before it is stored)
 * @param storyId        the story corrected (split: the story split; merge: the first story; move: the story the
 *                       first article left)
 * @param targetId       merge: the other story; move: the story the articles went to; split: null
 * @param articles       split and move: the articles moved out; merge: the first story's members
 * @param targetArticles merge and move: the other story's members then; split: empty
 * @param note           the editor's reason, may be empty
 */
public record Correction(long id, Kind kind, String editor, Instant createdAt, String storyId, @Nullable String targetId,
        List<String> articles, List<String> targetArticles, String note) {

    /** Longest note kept. */
    public static final int MAX_NOTE_CHARS = 1_000;

    public enum Kind {
        /** Some articles leave a story and form a new one. */
        SPLIT,
        /** Two stories become one. */
        MERGE,
        /** Articles leave their story for another one. */
        MOVE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String key) {
            for (Kind k : values()) if (k.key().equals(key)) return k;
            throw new IllegalArgumentException("unknown correction kind " + key + " (split, merge, move)");
        }
    }

    public Correction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(editor, "editor");
        articles = List.copyOf(articles);
        targetArticles = List.copyOf(targetArticles);
        if (articles.isEmpty()) throw new IllegalArgumentException("a " + kind.key() + " names no article");
        if (kind != Kind.SPLIT && targetArticles.isEmpty()) throw new IllegalArgumentException("a " + kind.key() + " names no target story");
        if (note.length() > MAX_NOTE_CHARS) throw new IllegalArgumentException("note has " + note.length() + " characters; at most " + MAX_NOTE_CHARS);
    }

    /** This correction under its stored number. */
    Correction withId(long newId) {
        return new Correction(newId, kind, editor, createdAt, storyId, targetId, articles, targetArticles, note);
    }

    /** One line for lists: "#3 split of story abc (2 articles) by ann, 2026-12-07T08:00:00Z". */
    public String describe() {
        String what = switch (kind) {
            case SPLIT -> "split " + articles.size() + " article(s) out of story " + storyId;
            case MERGE -> "merged story " + targetId + " into story " + storyId;
            case MOVE -> "moved " + articles.size() + " article(s) from story " + storyId + " to story " + targetId;
        };
        return "#" + id + " " + what + " by " + editor + ", " + createdAt + (note.isBlank() ? "" : " (" + note + ")");
    }
}

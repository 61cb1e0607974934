package news.parallax.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which figures of a sentence become claims (issue 18). The default keeps exactly what the hand rules read; a learned
 * decision ({@link FigureModel}) also looks at looser candidates and keeps those its model scores high enough.
 * Implementations are thread-safe.
 */
interface FigureDecision {
    /** The rules alone: no extra candidates, every ruled figure kept. */
    FigureDecision RULES = new FigureDecision() {
        @Override
        public boolean keep(FigureCandidate c) {
            return c.ruled();
        }
    };

    /** Figures read beyond the rules' own; none by default. */
    default List<Quantity> extras(TaggedSentence s, List<Quantity> ruled, @Nullable Quantity lastCount) {
        return List.of();
    }

    /** Whether a candidate becomes a claim. */
    boolean keep(FigureCandidate c);

    /** The kept candidate as the claim carries it: its own counted thing unless a learned choice names another. */
    default Quantity rename(FigureCandidate c) {
        return c.quantity();
    }

    /** The ruled figures and the extras in token order; {@code ruled} itself (same instance) when there are none. */
    default List<Quantity> candidates(TaggedSentence s, List<Quantity> ruled, @Nullable Quantity lastCount) {
        List<Quantity> extra = extras(s, ruled, lastCount);
        if (extra.isEmpty()) return ruled;
        List<Quantity> all = new ArrayList<>(ruled);
        all.addAll(extra);
        all.sort(Comparator.comparingInt(Quantity::numberAt));
        return all;
    }
}

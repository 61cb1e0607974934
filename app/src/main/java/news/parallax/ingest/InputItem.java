package news.parallax.ingest;

import java.util.Objects;
import news.parallax.model.Article;

/** One result of reading an input: an article, or a rejection naming the input and the reason. */
public sealed interface InputItem {

    record Read(Article article) implements InputItem {
        public Read {
            Objects.requireNonNull(article, "article");
        }
    }

    /**
     * @param location the file, with {@code :line} for JSONL records
     * @param reason   one line saying what was wrong, with the limit where one was passed
     * @param problem  the category the ingest summary counts
     */
    record Rejected(String location, String reason, Problem problem) implements InputItem {
        public Rejected {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(problem, "problem");
        }

        public Rejected(String location, String reason) {
            this(location, reason, Problem.OTHER);
        }

        /** The one-line error shown to the user. */
        public String message() {
            return location + ": " + reason;
        }
    }
}

package news.parallax.ingest;

import java.io.IOException;

/** A limit of {@link InputLimits} was passed while reading; the message says which and by how much. */
final class InputLimitException extends IOException {
    private final Problem problem;

    InputLimitException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}

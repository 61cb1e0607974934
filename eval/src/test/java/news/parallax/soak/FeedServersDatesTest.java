package news.parallax.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code bench-soak --dated-days}: the stream's dates spread over days, none in the future. */
class FeedServersDatesTest {
    private static final long START = 1_800_000_000_000L;
    private static final long STREAM = Duration.ofMinutes(10).toMillis();
    private static final long SPREAD = Duration.ofDays(60).toMillis();

    private static long dated(long offset) {
        return FeedServers.datedMillis(START + offset, offset, STREAM, SPREAD);
    }

    @Test
    void theDatesSpanTheDaysAskedEndingWhenTheLastAppears() {
        assertThat(dated(STREAM)).isEqualTo(START + STREAM);
        assertThat(dated(STREAM) - dated(0)).isEqualTo(SPREAD);
        // Evenly: the middle article is dated half the spread before the last.
        assertThat(dated(STREAM / 2)).isEqualTo(START + STREAM - SPREAD / 2);
    }

    @Test
    void noArticleIsDatedAfterItAppearsAndTheOrderIsKept() {
        long previous = Long.MIN_VALUE;
        for (long offset = 0; offset <= STREAM; offset += 100) {
            long date = dated(offset);
            assertThat(date).isLessThanOrEqualTo(START + offset).isGreaterThan(previous);
            previous = date;
        }
    }

    @Test
    void withoutASpreadLongerThanTheStreamEachIsDatedWhenItAppears() {
        assertThat(FeedServers.datedMillis(START + 500, 500, STREAM, 0)).isEqualTo(START + 500);
        assertThat(FeedServers.datedMillis(START + 500, 500, STREAM, STREAM / 2)).isEqualTo(START + 500);
    }
}

package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a feed's polling interval follows how fast its window turns over (issue 15, session 9). */
class CrawlSettingsTest {
    private final CrawlSettings settings = CrawlSettings.defaults().withMinInterval(Duration.ofSeconds(10))
            .withMaxInterval(Duration.ofHours(6));

    @Test
    void aWholeWindowNewIsPolledSoonerThanEver() {
        // 50 of 50 new after 156 s (the session-8 soak's busiest feeds): a quarter of 156 s at most, here the floor.
        Duration next = settings.adapt(Duration.ofSeconds(60), 50, 50, Duration.ofSeconds(156));
        assertThat(next).isEqualTo(Duration.ofSeconds(10));
        // A slower feed overflowing its 20 items in an hour: 2 of 20 items' worth of that hour, 6 minutes.
        assertThat(settings.adapt(Duration.ofMinutes(30), 20, 20, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void aFeedThatNeverChangesIsPolledLaterUpToTheMaximum() {
        Duration interval = Duration.ofMinutes(5);
        Duration previous = interval;
        for (int poll = 0; poll < 30; poll++) {
            interval = settings.adapt(interval, 0, 40, interval);
            assertThat(interval).isGreaterThanOrEqualTo(previous);
            previous = interval;
        }
        assertThat(interval).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void theIntervalFollowsTheRateOfNewItems() {
        // 4 new in 20 minutes, a 50-item window: two items' worth of time, 10 minutes.
        assertThat(settings.adapt(Duration.ofMinutes(20), 4, 50, Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(10));
        // A small window bounds it: a quarter of 4 items is one item's time, 5 minutes.
        assertThat(settings.adapt(Duration.ofMinutes(20), 4, 4, Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(5));
        // One new item after a long wait grows the interval no faster than a quiet poll would.
        assertThat(settings.adapt(Duration.ofMinutes(20), 1, 50, Duration.ofHours(5))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void newsWithoutAnEarlierPollHalvesTheInterval() {
        assertThat(settings.adapt(Duration.ofMinutes(30), 3)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theLongestIntervalCannotBeBelowTheShortest() {
        assertThatThrownBy(() -> settings.withMaxInterval(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 s").hasMessageContaining("10 s");
    }
}

package news.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForgottenCountsTest {

    @Test
    void aForgottenTermComesBackWithItsDocumentFrequency() {
        TermStats stats = new TermStats();
        stats.forgetUnheld();
        int obama = stats.id("w:obama", "Obama"), once = stats.id("w:zyx", "zyx");
        stats.addDocument(List.of(obama, once));
        stats.addDocument(List.of(obama));
        stats.addDocument(List.of(obama));
        stats.hold(new int[] {obama, once});
        stats.release(new int[] {obama, once});
        stats.forgetReleased(id -> false);
        assertThat(stats.size()).as("terms no article holds are forgotten, whatever their count").isZero();
        assertThat(stats.documentFrequency(stats.id("w:obama", "Obama"))).isEqualTo(3);
        assertThat(stats.documentFrequency(stats.id("w:zyx", "zyx"))).isEqualTo(1);
        assertThat(stats.documentFrequency(stats.id("w:new", "new"))).isZero();
    }

    @Test
    void aTermStillHeldOrReferencedIsKept() {
        TermStats stats = new TermStats();
        stats.forgetUnheld();
        int held = stats.id("w:held", "held"), recent = stats.id("w:recent", "recent");
        stats.addDocument(List.of(held, recent));
        stats.hold(new int[] {held, recent});
        stats.hold(new int[] {held});
        stats.release(new int[] {held, recent});
        stats.forgetReleased(id -> id == recent);
        assertThat(stats.size()).isEqualTo(2);
        assertThat(stats.display(held)).isEqualTo("held");
        assertThat(stats.display(recent)).isEqualTo("recent");
    }

    @Test
    void theTableGrowsWithoutLosingACountUntilItsBound() {
        ForgottenCounts counts = new ForgottenCounts(1 << 20);
        for (int i = 0; i < 60_000; i++) counts.put("t" + i, 1 + i % 7);
        assertThat(counts.evicted()).isZero();
        assertThat(counts.size()).isEqualTo(60_000);
        for (int i = 0; i < 60_000; i++) assertThat(counts.take("t" + i)).as("count of t%d", i).isEqualTo(1 + i % 7);
        assertThat(counts.size()).isZero();
        assertThat(counts.bytes()).as("doubled only as far as its buckets needed").isLessThanOrEqualTo(8L << 17);
    }

    @Test
    void aFullTableGivesUpItsSmallestCounts() {
        ForgottenCounts counts = new ForgottenCounts(1 << 10);
        int n = 20_000;
        for (int i = 0; i < n; i++) counts.put("t" + i, i % 10 == 0 ? 1000 : 1);
        assertThat(counts.bytes()).isEqualTo(8L << 10);
        assertThat(counts.size()).isEqualTo(1 << 10);
        assertThat(counts.evicted()).isPositive();
        // 2,000 frequent terms in 128 buckets of 8: each bucket fills with frequent terms before any rare one stays.
        int frequentKept = 0, rareKept = 0;
        for (int i = 0; i < n; i++) {
            int c = counts.take("t" + i);
            if (c == 1000) frequentKept++;
            else if (c == 1) rareKept++;
            else assertThat(c).isZero();
        }
        assertThat(frequentKept).isGreaterThan(900);
        assertThat(rareKept).isLessThan(frequentKept / 5);
    }
}

/** Measures the feed parser against feedparser's conformance suite: expectations met, date strings, crashes, speed. */
@NullMarked
package news.parallax.fetch.eval;

import org.jspecify.annotations.NullMarked;

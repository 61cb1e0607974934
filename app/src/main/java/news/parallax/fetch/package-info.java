/** Live ingestion from the web: polite HTTP fetching, feeds, OPML and sitemaps. */
@NullMarked
package news.parallax.fetch;

import org.jspecify.annotations.NullMarked;

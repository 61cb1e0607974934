/** Finds exact and near-duplicate articles, including syndicated wire copies. */
@NullMarked
package news.parallax.dedup;

import org.jspecify.annotations.NullMarked;

/** Claim-level comparison: quantities, attributions and stances per article and per story. */
@NullMarked
package news.parallax.claims;

import org.jspecify.annotations.NullMarked;

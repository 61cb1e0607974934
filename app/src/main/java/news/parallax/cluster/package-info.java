/** Groups articles about the same event into stories, online. */
@NullMarked
package news.parallax.cluster;

import org.jspecify.annotations.NullMarked;

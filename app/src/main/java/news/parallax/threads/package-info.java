/** Story threads: links stories that continue one another (one saga over days or weeks) without merging them. */
@NullMarked
package news.parallax.threads;

import org.jspecify.annotations.NullMarked;

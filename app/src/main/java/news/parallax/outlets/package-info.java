/** The outlet registry: names, domains, bias, factuality and ownership ratings. */
@NullMarked
package news.parallax.outlets;

import org.jspecify.annotations.NullMarked;

/** Removes chrome from article text: repeated blocks, titles, breadcrumbs, link lists, calls to action. */
@NullMarked
package news.parallax.clean;

import org.jspecify.annotations.NullMarked;

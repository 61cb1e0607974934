/** Turns HTML pages into articles: body, title, byline, date, outlet, language. */
@NullMarked
package news.parallax.extract;

import org.jspecify.annotations.NullMarked;

/** Scores extractors against labelled pages: body shingle F1, title, date, authors and speed. */
@NullMarked
package news.parallax.extract.eval;

import org.jspecify.annotations.NullMarked;

/** Turns a story's articles into what a reader sees: landscape, summaries, key points, timeline. */
@NullMarked
package news.parallax.analysis;

import org.jspecify.annotations.NullMarked;

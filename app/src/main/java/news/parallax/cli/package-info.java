/** The command line, a thin adapter over the pipeline and the store. */
@NullMarked
package news.parallax.cli;

import org.jspecify.annotations.NullMarked;

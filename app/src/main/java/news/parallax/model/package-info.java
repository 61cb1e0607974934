/** Immutable records passed between the pipeline stages. */
@NullMarked
package news.parallax.model;

import org.jspecify.annotations.NullMarked;

/** Wires the stages together: ingest, clean, dedupe, cluster, store. */
@NullMarked
package news.parallax.pipeline;

import org.jspecify.annotations.NullMarked;

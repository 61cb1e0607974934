/**
 * The soak benchmark (issue 15): the corpus replayed as a live stream from loopback feed servers to real
 * {@code run --role} processes on one PostgreSQL, with crashes on a schedule, and what it measured.
 */
@NullMarked
package news.parallax.soak;

import org.jspecify.annotations.NullMarked;

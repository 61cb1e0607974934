/** Persistence: the embedded SQLite store, its migrations, and the shared PostgreSQL store. */
@NullMarked
package news.parallax.store;

import org.jspecify.annotations.NullMarked;

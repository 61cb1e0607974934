/** The server-rendered web UI and the JSON API. */
@NullMarked
package news.parallax.web;

import org.jspecify.annotations.NullMarked;

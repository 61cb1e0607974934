/** Editor accounts, their sessions and log-in limits, and the corrections editors make to stories (issue 14). */
@NullMarked
package news.parallax.editor;

import org.jspecify.annotations.NullMarked;

/** Internal helpers; do not depend on this package from outside the project. */
@NullMarked
package news.parallax.internal;

import org.jspecify.annotations.NullMarked;

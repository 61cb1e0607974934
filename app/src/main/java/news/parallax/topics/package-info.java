/** Topics: the people, organisations and places named across stories, merged across spellings, with their stories. */
@NullMarked
package news.parallax.topics;

import org.jspecify.annotations.NullMarked;

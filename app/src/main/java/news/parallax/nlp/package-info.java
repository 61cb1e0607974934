/** Language tools shared by the stages: sentences, tokens, lemmas, stop words. */
@NullMarked
package news.parallax.nlp;

import org.jspecify.annotations.NullMarked;

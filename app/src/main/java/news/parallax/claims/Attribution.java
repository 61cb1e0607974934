package news.parallax.claims;

import org.jspecify.annotations.Nullable;

/**
 * Who a sentence gives as the source of what it states.
 *
 * @param source the source as written, trimmed to its name or head ("Kyrlo Budanov", "South Korean
 *               lawmakers", "China Daily")
 * @param title  the title or role written beside a person ("Kyiv's military intelligence chief"); empty when none
 * @param via    who relays it ("South Korean media" in "South Korean media, citing the NIS, reported"); null when none
 * @param cueAt  token of the cue word ("said", "according", "citing")
 */
record Attribution(String source, String title, @Nullable String via, int cueAt) {}

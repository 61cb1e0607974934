package news.parallax.claims;

/**
 * A time expression of a sentence, resolved against the article date when it is known.
 *
 * @param text     the expression as written ("between Oct. 8 and 13", "by November 1")
 * @param resolved ISO form: a date ("2024-11-01"), a month ("2024-12"), a range
 *                 ("2024-10-08/2024-10-13"), prefixed with "by " for deadlines; the text itself when
 *                 the year cannot be resolved
 */
record TimeMention(String text, String resolved) {}

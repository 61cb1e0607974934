package news.parallax.claims;

/**
 * A figure the extractor may keep, as the keep/drop decision sees it (issue 18).
 *
 * @param sentence   the tagged sentence holding it
 * @param quantity   the figure with its counted thing as the claim would carry it
 * @param ruled      true when the hand rules read it; false for a looser candidate ({@link LooseFigures})
 * @param attributed whether a source was found for it
 * @param sentenceNo its sentence's position in the article, from 1
 */
record FigureCandidate(TaggedSentence sentence, Quantity quantity, boolean ruled, boolean attributed, int sentenceNo) {}

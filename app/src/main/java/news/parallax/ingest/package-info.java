/** Reads input files and folders (text dumps, saved HTML, JSONL records) into raw documents. */
@NullMarked
package news.parallax.ingest;

import org.jspecify.annotations.NullMarked;

package news.parallax.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits a byte stream into lines at {@code \n} (safe in UTF-8, where no multi-byte character
 * contains that byte) and holds at most {@code maxBytes} of one line: the rest of a longer line is
 * read and dropped up to its newline, so a single 4 GB line costs a buffer of {@code maxBytes}.
 * Not thread-safe.
 */
final class LineReader {
    /**
     * One line without its terminator.
     *
     * @param bytes  the line, or its first {@code maxBytes} when {@code tooLong}
     * @param number 1-based line number
     * @param length the whole line's length in bytes
     */
    record Line(byte[] bytes, long number, long length, boolean tooLong) {}

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private long lineNo;
    private byte[] line = new byte[8 * 1024];

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    @Nullable Line next() throws IOException {
        int kept = 0;
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) return null;
                    return finish(kept, length);
                }
            }
            any = true;
            int nl = pos;
            while (nl < end && buf[nl] != '\n') nl++;
            int n = nl - pos;
            length += n;
            int room = maxBytes - kept;
            if (room > 0) {
                int take = Math.min(room, n);
                if (kept + take > line.length) line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(kept + take, line.length * 2)));
                System.arraycopy(buf, pos, line, kept, take);
                kept += take;
            }
            if (nl < end) {
                pos = nl + 1;
                return finish(kept, length);
            }
            pos = end;
        }
    }

    private Line finish(int kept, long length) {
        int k = kept;
        if (k > 0 && line[k - 1] == '\r' && length <= maxBytes) k--;
        return new Line(Arrays.copyOf(line, k), ++lineNo, length, length > maxBytes);
    }

    long linesRead() {
        return lineNo;
    }
}

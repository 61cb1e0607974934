package news.parallax.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts what passes through and fails as soon as the total passes a cap, or, for decompressed data,
 * as soon as output grows beyond {@link InputLimits#MAX_COMPRESSION_RATIO} times the compressed bytes
 * read: a bomb is stopped after a few MB of output, not after filling the heap or the disk.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long cap;
    private final Problem overCap;
    private final String what;
    private final LongSupplier compressedRead;
    private long count;

    /**
     * @param compressedRead bytes of compressed input consumed so far, or null for plain files
     */
    LimitedInputStream(InputStream in, long cap, Problem overCap, String what, LongSupplier compressedRead) {
        super(in);
        this.cap = cap;
        this.overCap = overCap;
        this.what = what;
        this.compressedRead = compressedRead;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) add(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        if (s > 0) add(s);
        return s;
    }

    private void add(long n) throws InputLimitException {
        count += n;
        if (count > cap) throw new InputLimitException(overCap, what + " larger than " + InputLimits.size(cap));
        if (count > InputLimits.RATIO_CHECK_AFTER_BYTES) {
            long compressed = Math.max(1, compressedRead.getAsLong());
            if (count / compressed > InputLimits.MAX_COMPRESSION_RATIO) {
                throw new InputLimitException(Problem.DECOMPRESSION_BOMB, "decompresses to more than "
                        + InputLimits.MAX_COMPRESSION_RATIO + " times its size (" + InputLimits.size(count) + " from "
                        + InputLimits.size(compressed) + "): a decompression bomb");
            }
        }
    }

    /** Counts the compressed bytes a decompressor pulls. */
    static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}

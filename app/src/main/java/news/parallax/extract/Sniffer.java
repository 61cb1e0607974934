package news.parallax.extract;

import org.jspecify.annotations.Nullable;

/** Tells binary data (images, archives, documents, junk) from text by its first bytes. Stateless. */
final class Sniffer {
    private Sniffer() {}

    /** Bytes examined. */
    static final int SNIFF_BYTES = 4096;
    /** Share of control bytes above which input is binary rather than text. */
    static final double MAX_CONTROL_BYTE_SHARE = 0.02;

    /** What the bytes look like when they are not text, or null when they may be a page. */
    static @Nullable String binaryKind(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) return "PNG image";
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) return "JPEG image";
        if (startsWith(b, 'G', 'I', 'F', '8')) return "GIF image";
        if (startsWith(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "WebP image";
        if (startsWith(b, '%', 'P', 'D', 'F')) return "PDF document";
        if (startsWith(b, 'P', 'K', 3, 4)) return "ZIP archive";
        if (startsWith(b, 0x1F, 0x8B)) return "gzip data (decompress it first)";
        if (PageDecoder.bomCharset(b) != null) return null; // UTF-16 text has many zero bytes
        int n = Math.min(b.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) return "binary data (contains NUL bytes)";
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) control++;
        }
        if (control > MAX_CONTROL_BYTE_SHARE * n) return "binary data (" + control + " control bytes in the first " + n + ")";
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != (prefix[i] & 0xFF)) return false;
        return true;
    }
}

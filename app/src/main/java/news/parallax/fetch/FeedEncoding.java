package news.parallax.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a feed's bytes into text, finding the encoding in the order the XML 1.0 specification
 * (section 4.3.3 and appendix F) and RFC 7303 give: a byte-order mark (UTF-8, UTF-16 and UTF-32, both
 * byte orders); the width of the first characters (UTF-16/32 without a mark); the XML declaration's
 * {@code encoding}; the HTTP charset; then UTF-8 if the bytes are valid UTF-8, else windows-1252.
 *
 * <p>A declared or HTTP charset is used only when the bytes are valid in it: feeds that declare UTF-8
 * and send Latin-1, or the reverse, are common, and the next candidate then reads them. The
 * declaration comes before the HTTP charset (RFC 7303 puts the header first): servers label feeds
 * with a site-wide default more often than feeds misdeclare themselves. Labels are decoded with the
 * superset browsers use (WHATWG Encoding): ISO-8859-1 as windows-1252 (US-ASCII with high bytes
 * falls through to the next candidate), GB2312 as
 * GB18030, EUC-KR as windows-949, Shift_JIS as windows-31j, TIS-620 as windows-874.
 * windows-1252 is decoded without loss: its five unassigned bytes become the C1 controls of the
 * same value, never U+FFFD. JSON Feed follows RFC 8259 section 8.1 (and RFC 4627's detection of
 * UTF-16/32 by the zero bytes of the first two characters). Stateless and thread-safe.
 */
public final class FeedEncoding {
    /** Bytes of the document read to find the XML declaration. */
    private static final int DECLARATION_BYTES = 1024;
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']\\s*([A-Za-z0-9._:-]+)\\s*[\"']");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Map<String, String> SUPERSETS = Map.of("ISO-8859-1", "windows-1252",
            "GB2312", "GB18030", "GBK", "GB18030", "EUC-KR", "x-windows-949", "Shift_JIS", "windows-31j",
            "TIS-620", "x-windows-874", "x-iso-8859-11", "x-windows-874", "ISO-8859-9", "windows-1254");
    private static final char[] CP1252 = cp1252Table();

    /** Where the encoding came from. */
    public enum Source { BYTE_ORDER_MARK, CHARACTER_WIDTH, XML_DECLARATION, HTTP_CHARSET, UTF8_FALLBACK, WINDOWS_1252_FALLBACK }

    /**
     * A decoded document.
     *
     * @param text    the text, without the byte-order mark
     * @param charset the encoding named by the mark, the declaration or the header (the label, not the superset used)
     */
    public record Decoded(String text, Charset charset, Source source) {}

    private FeedEncoding() {}

    /** Decodes an XML document; {@code httpCharset} is the Content-Type's charset parameter, if any. */
    public static Decoded decodeXml(byte[] body, @Nullable String httpCharset) {
        Decoded d = byWidth(body);
        if (d != null) return d;
        String declared = declaredEncoding(body);
        if (declared != null) {
            Charset cs = supported(declared);
            // A two- or four-byte encoding declared in single-byte text is a copied template: ignore it.
            if (cs != null && !wide(cs)) {
                String text = strict(body, 0, cs);
                if (text != null) return new Decoded(text, cs, Source.XML_DECLARATION);
            }
        }
        return fromHeaderOrFallback(body, httpCharset);
    }

    /** Decodes a JSON document (RFC 8259 section 8.1: UTF-8, with UTF-16/32 and byte-order marks accepted). */
    public static Decoded decodeJson(byte[] body, @Nullable String httpCharset) {
        Decoded d = byWidth(body);
        return d != null ? d : fromHeaderOrFallback(body, httpCharset);
    }

    /** The first characters as ASCII text (whatever the width of the encoding), for recognising the format. */
    public static String head(byte[] body, int chars) {
        Decoded d = byWidth(body);
        if (d != null) return d.text().substring(0, Math.min(chars, d.text().length()));
        return new String(body, 0, Math.min(body.length, chars), StandardCharsets.ISO_8859_1);
    }

    /** Bytes decoded as windows-1252 without loss (never U+FFFD). */
    public static String windows1252(byte[] body) {
        char[] out = new char[body.length];
        for (int i = 0; i < body.length; i++) out[i] = CP1252[body[i] & 0xff];
        return new String(out);
    }

    /** A C1 control (U+0080-U+009F) as the windows-1252 character of that byte value; other characters unchanged. */
    public static char c1AsWindows1252(char c) {
        return c >= 0x80 && c <= 0x9f ? CP1252[c] : c;
    }

    private static Decoded fromHeaderOrFallback(byte[] body, @Nullable String httpCharset) {
        if (httpCharset != null) {
            Charset cs = supported(httpCharset);
            if (cs != null && !wide(cs)) {
                String text = strict(body, 0, cs);
                if (text != null) return new Decoded(text, cs, Source.HTTP_CHARSET);
            }
        }
        String utf8 = strict(body, 0, StandardCharsets.UTF_8);
        if (utf8 != null) return new Decoded(utf8, StandardCharsets.UTF_8, Source.UTF8_FALLBACK);
        return new Decoded(windows1252(body), WINDOWS_1252, Source.WINDOWS_1252_FALLBACK);
    }

    /** Byte-order marks, then the zero bytes of UTF-16/32 text that starts with an ASCII character. */
    private static @Nullable Decoded byWidth(byte[] b) {
        int n = b.length;
        int b0 = n > 0 ? b[0] & 0xff : -1, b1 = n > 1 ? b[1] & 0xff : -1, b2 = n > 2 ? b[2] & 0xff : -1, b3 = n > 3 ? b[3] & 0xff : -1;
        if (b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff) return lenient(b, 4, UTF_32BE, Source.BYTE_ORDER_MARK);
        if (b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0) return lenient(b, 4, UTF_32LE, Source.BYTE_ORDER_MARK);
        if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) return lenient(b, 3, StandardCharsets.UTF_8, Source.BYTE_ORDER_MARK);
        if (b0 == 0xfe && b1 == 0xff) return lenient(b, 2, StandardCharsets.UTF_16BE, Source.BYTE_ORDER_MARK);
        if (b0 == 0xff && b1 == 0xfe) return lenient(b, 2, StandardCharsets.UTF_16LE, Source.BYTE_ORDER_MARK);
        if (n < 4) return null;
        if (b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) return lenient(b, 0, UTF_32BE, Source.CHARACTER_WIDTH);
        if (b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) return lenient(b, 0, UTF_32LE, Source.CHARACTER_WIDTH);
        if (b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) return lenient(b, 0, StandardCharsets.UTF_16BE, Source.CHARACTER_WIDTH);
        if (b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) return lenient(b, 0, StandardCharsets.UTF_16LE, Source.CHARACTER_WIDTH);
        return null;
    }

    private static Decoded lenient(byte[] b, int skip, Charset cs, Source source) {
        String text = strict(b, skip, cs);
        // A mark is authoritative: bad sequences after it become U+FFFD rather than losing the feed.
        if (text == null) text = new String(b, skip, b.length - skip, cs);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        return new Decoded(text, cs, source);
    }

    private static @Nullable String declaredEncoding(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, DECLARATION_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static @Nullable Charset supported(String label) {
        try {
            String l = label.strip().replaceAll("^[\"']|[\"']$", "");
            return Charset.isSupported(l) ? Charset.forName(l) : null;
        } catch (IllegalArgumentException e) {
            return null; // an illegal charset name
        }
    }

    private static boolean wide(Charset cs) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        return n.startsWith("UTF-16") || n.startsWith("UTF-32") || n.startsWith("X-UTF-16") || n.startsWith("X-UTF-32");
    }

    /** The bytes in {@code label}'s superset, or null when they are not valid in it. */
    private static @Nullable String strict(byte[] b, int skip, Charset label) {
        String superset = SUPERSETS.get(label.name());
        if ("windows-1252".equals(superset) || label.equals(WINDOWS_1252)) return windows1252(java.util.Arrays.copyOfRange(b, skip, b.length));
        Charset cs = superset != null && Charset.isSupported(superset) ? Charset.forName(superset) : label;
        try {
            CharBuffer c = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, skip, b.length - skip));
            return c.toString();
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static char[] cp1252Table() {
        char[] t = new char[256];
        var dec = WINDOWS_1252.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < 256; i++) {
            try {
                t[i] = dec.decode(ByteBuffer.wrap(new byte[] {(byte) i})).charAt(0);
            } catch (CharacterCodingException e) {
                t[i] = (char) i; // 0x81, 0x8D, 0x8F, 0x90, 0x9D: unassigned, kept as the C1 control of that value
            }
        }
        return t;
    }
}

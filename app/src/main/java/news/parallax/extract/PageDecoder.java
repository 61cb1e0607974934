package news.parallax.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the raw bytes of a page into text, choosing the charset in the order browsers do: byte order
 * mark, the HTTP {@code Content-Type} charset, a {@code <meta>} declaration near the top, then
 * detection from the bytes themselves.
 *
 * <p>One deviation from browsers: a declared legacy charset is overruled when the bytes are well-formed
 * UTF-8 with multi-byte sequences, because saved pages are very often re-encoded to UTF-8 without their
 * meta tag being updated, while legacy-encoded text almost never happens to be valid UTF-8. Stateless and thread-safe.
 */
final class PageDecoder {
    /** How far into the page a meta charset declaration is looked for (HTML spec: 1024; real pages put it later). */
    static final int META_PRESCAN_BYTES = 16_384;
    /** Bytes sampled for detection; enough for thousands of multi-byte characters. */
    static final int DETECTION_SAMPLE_BYTES = 65_536;

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile(
            "charset\\s*=\\s*[\"']?([A-Za-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);

    /** Legacy charsets tried when nothing is declared, in order of preference for ties. */
    private static final List<Charset> DETECTION_CANDIDATES = List.of(
            Charset.forName("Shift_JIS"), Charset.forName("EUC-JP"), Charset.forName("EUC-KR"),
            Charset.forName("GB18030"), Charset.forName("Big5"),
            Charset.forName("windows-1252"), Charset.forName("windows-1251"), Charset.forName("KOI8-R"),
            Charset.forName("windows-1250"), Charset.forName("windows-1253"));

    /** A decoded page and the charset that was used, with how it was chosen. */
    record Decoded(String text, Charset charset, String source) {}

    private PageDecoder() {}

    static Decoded decode(byte[] bytes, @Nullable String httpCharset) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
            return new Decoded(new String(bytes, skip, bytes.length - skip, bom), bom, "byte order mark");
        }
        Charset declared = httpCharset == null ? null : charsetFromContentType(httpCharset);
        String source = "HTTP header";
        if (declared == null) {
            declared = metaCharset(bytes);
            source = "meta declaration";
        }
        if (declared != null) {
            if (!declared.equals(StandardCharsets.UTF_8) && hasMultiByteUtf8(bytes) && isValidUtf8(bytes)) {
                return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                        "UTF-8 bytes despite " + source + " " + declared.name());
            }
            return new Decoded(new String(bytes, declared), declared, source);
        }
        Charset detected = detect(bytes);
        return new Decoded(new String(bytes, detected), detected, "detected");
    }

    static @Nullable Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        return null;
    }

    /** Accepts a bare name ("utf-8") or a whole header value ("text/html; charset=utf-8"). */
    static @Nullable Charset charsetFromContentType(String value) {
        Matcher m = CONTENT_TYPE_CHARSET.matcher(value);
        String name = m.find() ? m.group(1) : value.trim();
        return forName(name);
    }

    static @Nullable Charset metaCharset(byte[] bytes) {
        // Every charset a page may declare is ASCII-compatible up to its meta tag, so ISO-8859-1 reads the tag safely.
        String head = new String(bytes, 0, Math.min(bytes.length, META_PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        while (m.find()) {
            Charset cs = forName(m.group(1));
            if (cs != null) {
                // A page that reached us as bytes cannot really be UTF-16 if its meta tag is readable as ASCII.
                return cs.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : cs;
            }
        }
        return null;
    }

    static @Nullable Charset forName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.isEmpty()) return null;
        // WHATWG Encoding: these labels all mean windows-1252 in practice.
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii") || n.equals("iso8859-1")) {
            return Charset.forName("windows-1252");
        }
        if (n.equals("x-sjis") || n.equals("sjis") || n.equals("shift-jis")) return Charset.forName("windows-31j");
        if (n.equals("shift_jis")) return Charset.forName("windows-31j");
        if (n.equals("euc-kr") || n.equals("ks_c_5601-1987")) return Charset.forName("x-windows-949");
        if (n.equals("gb2312") || n.equals("gbk")) return Charset.forName("GB18030");
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Picks UTF-8 when the bytes are valid UTF-8, otherwise the legacy charset whose decoding looks most like text. */
    static Charset detect(byte[] bytes) {
        if (isValidUtf8(bytes)) return StandardCharsets.UTF_8;
        int n = Math.min(bytes.length, DETECTION_SAMPLE_BYTES);
        Charset best = Charset.forName("windows-1252");
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Charset cs : DETECTION_CANDIDATES) {
            String text = strictDecode(bytes, n, cs);
            if (text == null) continue;
            double score = plausibility(text);
            if (score > bestScore) {
                bestScore = score;
                best = cs;
            }
        }
        return best;
    }

    private static @Nullable String strictDecode(byte[] bytes, int n, Charset cs) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return dec.decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            // The sample may end inside a multi-byte character; retry without the last few bytes.
            if (n == bytes.length || n < 8) return null;
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, n - 4)).toString();
            } catch (CharacterCodingException e2) {
                return null;
            }
        }
    }

    /**
     * Scores how much the non-ASCII characters of a decoding look like real writing: characters of one
     * script forming whole words score high; half-width katakana, symbols, control characters and a
     * mix of Latin accents inside otherwise non-Latin words score low.
     */
    static double plausibility(String text) {
        double score = 0;
        int nonAscii = 0;
        char prev = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                prev = c;
                continue;
            }
            nonAscii++;
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            // A non-Latin letter glued to an ASCII letter is almost always a mis-decoded accent.
            boolean gluedToAscii = isAsciiLetter(prev) || isAsciiLetter(next);
            Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
            if (block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA) {
                score += 2.0;
            } else if (block == Character.UnicodeBlock.HANGUL_SYLLABLES) {
                score += 2.0;
            } else if (block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS) {
                score += 1.0;
            } else if (block == Character.UnicodeBlock.CYRILLIC || block == Character.UnicodeBlock.GREEK) {
                // Lower case letters dominate running text; upper case runs suggest a wrong decoding.
                score += gluedToAscii ? -0.5 : Character.isLowerCase(c) ? 1.5 : 0.5;
            } else if (block == Character.UnicodeBlock.LATIN_1_SUPPLEMENT || block == Character.UnicodeBlock.LATIN_EXTENDED_A) {
                // Accented Latin letters mostly sit between ASCII letters ("café", "Müller").
                score += Character.isLetter(c) && gluedToAscii ? 1.0 : Character.isLetter(c) ? 0.2 : -0.5;
            } else if (block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
                score += c >= 0xFF61 && c <= 0xFF9F ? -1.0 : 0.5;
            } else if (block == Character.UnicodeBlock.GENERAL_PUNCTUATION || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION) {
                score += 0.3;
            } else if (Character.isISOControl(c) || block == Character.UnicodeBlock.PRIVATE_USE_AREA) {
                score -= 2.0;
            } else if (block == Character.UnicodeBlock.HANGUL_JAMO || block == Character.UnicodeBlock.HANGUL_COMPATIBILITY_JAMO) {
                score -= 0.5;
            } else {
                score += Character.isLetter(c) ? 0.1 : -0.5;
            }
            prev = c;
        }
        return nonAscii == 0 ? 0 : score / nonAscii;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isValidUtf8(byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            var result = dec.decode(in, out, true);
            if (result.isError()) return false;
            if (result.isUnderflow()) {
                out.clear();
                return !dec.flush(out).isError();
            }
            out.clear();
        }
    }

    private static boolean hasMultiByteUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if ((b & 0xE0) == 0xC0 || (b & 0xF0) == 0xE0 || (b & 0xF8) == 0xF0) return true;
        }
        return false;
    }
}

package news.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {
    static final String RUSSIAN = "Городской совет во вторник проголосовал за расширение трамвайной сети. "
            + "Сторонники говорят, что новая линия сократит время в пути вдвое, а противники предупреждают о расходах.";
    static final String JAPANESE = "市議会は火曜日、路面電車の路線を十二キロ延長することを決めた。"
            + "賛成派は通勤時間が半分になると話しているが、反対派は予算がすでに二度超過したと警告している。";
    static final String KOREAN = "시의회는 화요일 노면전차 노선을 12킬로미터 연장하기로 의결했다. "
            + "찬성하는 쪽은 통근 시간이 절반으로 줄어들 것이라고 말했고 반대하는 쪽은 예산 초과를 경고했다.";
    static final String FRENCH = "Le conseil municipal a voté mardi l'extension du réseau de tramway. Les partisans "
            + "affirment que la ligne réduira de moitié la durée des trajets, tandis que les opposants s'inquiètent "
            + "du budget déjà dépassé à deux reprises. Les travaux débuteront à la fin de l'été prochain.";

    private static String pageWithoutCharset(String text) {
        return "<html><head><title>t</title></head><body><p>" + text + "</p></body></html>";
    }

    private static String decodedBody(byte[] bytes, String httpCharset) {
        return PageDecoder.decode(bytes, httpCharset).text();
    }

    @Test
    void detectsWindows1251WithoutDeclaration() {
        byte[] bytes = pageWithoutCharset(RUSSIAN).getBytes(Charset.forName("windows-1251"));
        PageDecoder.Decoded d = PageDecoder.decode(bytes, null);
        assertThat(d.charset().name()).isEqualTo("windows-1251");
        assertThat(d.text()).contains(RUSSIAN);
    }

    @Test
    void detectsShiftJisWithoutDeclaration() {
        byte[] bytes = pageWithoutCharset(JAPANESE).getBytes(Charset.forName("Shift_JIS"));
        assertThat(decodedBody(bytes, null)).contains(JAPANESE);
    }

    @Test
    void detectsEucKrWithoutDeclaration() {
        byte[] bytes = pageWithoutCharset(KOREAN).getBytes(Charset.forName("EUC-KR"));
        assertThat(decodedBody(bytes, null)).contains(KOREAN);
    }

    @Test
    void detectsLatin1WithoutDeclaration() {
        byte[] bytes = pageWithoutCharset(FRENCH).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(decodedBody(bytes, null)).contains(FRENCH);
    }

    @Test
    void metaCharsetIsHonoured() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                + "</head><body><p>" + RUSSIAN + "</p></body></html>";
        PageDecoder.Decoded d = PageDecoder.decode(html.getBytes(Charset.forName("windows-1251")), null);
        assertThat(d.source()).isEqualTo("meta declaration");
        assertThat(d.text()).contains(RUSSIAN);
    }

    @Test
    void httpCharsetBeatsMetaDeclaration() {
        // The meta tag lies; the server's header is right.
        String html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>" + KOREAN + "</p></body></html>";
        byte[] bytes = html.getBytes(Charset.forName("EUC-KR"));
        PageDecoder.Decoded d = PageDecoder.decode(bytes, "text/html; charset=EUC-KR");
        assertThat(d.source()).isEqualTo("HTTP header");
        assertThat(d.text()).contains(KOREAN);
    }

    @Test
    void byteOrderMarkBeatsEverything() {
        byte[] body = pageWithoutCharset(FRENCH).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        PageDecoder.Decoded d = PageDecoder.decode(bytes, "text/html; charset=windows-1251");
        assertThat(d.source()).isEqualTo("byte order mark");
        assertThat(d.text()).startsWith("<html>").contains(FRENCH);
    }

    @Test
    void utf16WithBomIsRead() {
        byte[] body = pageWithoutCharset(JAPANESE).getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertThat(decodedBody(bytes, null)).contains(JAPANESE);
    }

    @Test
    void utf8BytesOverruleAStaleLegacyDeclaration() {
        String html = "<html><head><meta charset=\"windows-1252\"></head><body><p>" + FRENCH + "</p></body></html>";
        PageDecoder.Decoded d = PageDecoder.decode(html.getBytes(StandardCharsets.UTF_8), null);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.text()).contains(FRENCH);
    }

    @Test
    void unknownCharsetNameFallsBackToDetection() {
        String html = "<html><head><meta charset=\"x-no-such-charset\"></head><body><p>" + RUSSIAN + "</p></body></html>";
        assertThat(decodedBody(html.getBytes(Charset.forName("windows-1251")), null)).contains(RUSSIAN);
    }

    @Test
    void extractorReadsLegacyEncodedArticles() throws Exception {
        String html = "<html><head><title>Трамвай</title></head><body><article><h1>Трамвай</h1><p>" + RUSSIAN + "</p><p>"
                + RUSSIAN.replace("вторник", "среду") + "</p><p>" + RUSSIAN.replace("совет", "суд") + "</p></article></body></html>";
        ExtractedPage p = HtmlExtractors.standard().extract(html.getBytes(Charset.forName("windows-1251")), "ru.html", null);
        assertThat(p.text()).contains("Городской совет во вторник");
        assertThat(p.language()).isEqualTo("ru");
    }
}

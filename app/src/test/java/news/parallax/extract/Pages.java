package news.parallax.extract;

import java.nio.charset.StandardCharsets;

/** Hand-written test pages. */
final class Pages {
    private Pages() {}

    static final String P1 = "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
            + "connecting the northern suburbs to the central station for the first time.";
    static final String P2 = "Supporters said the line would cut commuting times in half, while opponents warned "
            + "that the budget had already been exceeded twice during the planning phase.";
    static final String P3 = "Construction is expected to begin next spring and to last about four years, "
            + "according to the transport department, which will publish a detailed timetable in June.";
    static final String P4 = "Residents along the planned route will be invited to public meetings in March, "
            + "where engineers will present the designs for the eleven new stops.";

    static String page(String head, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head + "</head><body>" + body + "</body></html>";
    }

    static String article(String... paragraphs) {
        StringBuilder b = new StringBuilder("<article><h1>Council approves tram extension</h1>");
        for (String p : paragraphs) b.append("<p>").append(p).append("</p>");
        return b.append("</article>").toString();
    }

    static String nav() {
        return "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/politics\">Politics</a></li>"
                + "<li><a href=\"/sport\">Sport</a></li></ul></nav>";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ExtractedPage extract(String html) throws ExtractionException {
        return HtmlExtractors.standard().extract(utf8(html), "https://news.example.org/2024/05/03/tram", null);
    }
}

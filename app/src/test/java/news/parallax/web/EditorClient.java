package news.parallax.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A client of the editor routes of a real server on loopback: forms, tokens and the session cookie as a browser sends them. */
final class EditorClient {
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("(?:__Host-)?parallax_editor=([^;]*)");

    final HttpClient http = HttpClient.newHttpClient();
    final String base;
    /** The session cookie ("name=value"), once logged in. */
    @Nullable String cookie;

    EditorClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post from this site's own page (Origin set), with the session cookie when logged in. */
    HttpResponse<String> post(String path, Map<String, ?> fields) throws Exception {
        return post(path, fields, Map.of("Origin", base));
    }

    HttpResponse<String> post(String path, Map<String, ?> fields, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        if (cookie != null) b.header("Cookie", cookie);
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(Map<String, ?> fields) {
        StringBuilder s = new StringBuilder();
        for (var e : fields.entrySet()) {
            List<?> values = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
            for (Object v : values) {
                if (!s.isEmpty()) s.append('&');
                s.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        }
        return s.toString();
    }

    String loginToken() throws Exception {
        return find(LOGIN_TOKEN, get("/editor/login").body());
    }

    /** Posts the log-in form; on success keeps the cookie. */
    HttpResponse<String> login(String name, String password) throws Exception {
        return login(name, password, Map.of());
    }

    HttpResponse<String> login(String name, String password, Map<String, String> extraHeaders) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", loginToken());
        form.put("name", name);
        form.put("password", password);
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Origin", base);
        HttpResponse<String> r = post("/editor/login", form, headers);
        String set = r.headers().firstValue("Set-Cookie").orElse(null);
        if (r.statusCode() == 303 && set != null) cookie = set.substring(0, set.indexOf(';'));
        return r;
    }

    /** The session's anti-forgery token, read from an editor page as a browser would. */
    String csrf(String page) throws Exception {
        return find(CSRF, get(page).body());
    }

    static String cookieValue(String setCookie) {
        return find(COOKIE, setCookie);
    }

    static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(p + " in " + (text.length() > 300 ? text.substring(0, 300) : text)).isTrue();
        return m.group(1);
    }
}

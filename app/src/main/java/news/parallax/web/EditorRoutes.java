package news.parallax.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import news.parallax.analysis.StoryAnalyzer;
import news.parallax.analysis.StoryView;
import news.parallax.editor.Corrections;
import news.parallax.editor.EditorAccounts;
import news.parallax.editor.EditorSessions;
import news.parallax.editor.LoginThrottle;
import news.parallax.editor.ReportQueue;
import news.parallax.outlets.OutletRegistries;
import news.parallax.pipeline.StoredViews;
import news.parallax.pipeline.StoryCorrector;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editor's routes under {@code /editor} (issue 14): log in and out, the reports list with states, and the story
 * corrections posted from a story page's editor panel. Readers never need an account: no reader page reads or sets
 * a cookie, except that a story page shows the panel to a logged-in editor.
 *
 * <p>Security: the session cookie is a random id ({@link EditorSessions}) sent {@code HttpOnly; SameSite=Strict}, and
 * {@code Secure} when the request came over https (directly, through a proxy saying {@code X-Forwarded-Proto: https}, or
 * through a public host configured as {@code https://NAME}). Every form carries an anti-forgery token: the log-in
 * form a stateless one ({@link CsrfTokens}), the others the session's own, compared in constant time; every POST
 * must also come from this site ({@code Origin}/{@code Referer}). Failed log-ins lock the name and the address for a
 * while ({@link LoginThrottle}); a wrong name and a wrong password get the same answer after the same work.
 */
final class EditorRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(EditorRoutes.class);
    static final String COOKIE = "parallax_editor";
    /** The cookie's name when it is Secure: browsers then also refuse it from a subdomain or without Secure. */
    static final String SECURE_COOKIE = "__Host-parallax_editor";
    /** The subject of the log-in form's stateless token. */
    private static final String LOGIN_FORM = "editor-login";
    /** Reports per page of /editor/reports. */
    static final int REPORTS_PAGE_SIZE = 50;
    /** Password hashes computed at once: each takes {@code PasswordHasher.MEMORY_KIB} of memory. */
    static final int CONCURRENT_LOGINS = 2;
    /** Longest form body an editor route reads. */
    private static final int MAX_FORM_BYTES = 48 * 1024;
    private static final Pattern STORY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final List<String> STATES = List.of("open", "resolved", "dismissed", "all");

    private final Store store;
    private final EditorAccounts accounts;
    private final EditorSessions sessions;
    private final LoginThrottle throttle;
    private final ReportQueue reports;
    private final Corrections corrections;
    private final StoryCorrector corrector;
    private final CsrfTokens csrf;
    private final @Nullable String httpsHost;
    private final Semaphore hashing = new Semaphore(CONCURRENT_LOGINS);

    /** @param httpsHost the public host name served over https by a proxy (from {@code --public-host https://NAME}), or null */
    EditorRoutes(Store store, StoryAnalyzer analyzer, CsrfTokens csrf, LoginThrottle.Policy policy, @Nullable String httpsHost) {
        this.store = store;
        this.accounts = new EditorAccounts(store);
        this.sessions = new EditorSessions(store);
        this.throttle = new LoginThrottle(store, policy);
        this.reports = new ReportQueue(store);
        this.corrections = new Corrections(store);
        // One thread for the few stories a correction changes: the server's requests keep the other cores.
        this.corrector = new StoryCorrector(store, OutletRegistries.bundled(), new StoredViews(store, analyzer, 1));
        this.csrf = csrf;
        this.httpsHost = httpsHost == null ? null : httpsHost.toLowerCase(Locale.ROOT);
    }

    // ---- log in and out ----

    void loginPage(Context ctx) {
        if (session(ctx).isPresent()) {
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        loginForm(ctx, 200, null, "", next(ctx.queryParam("next")));
    }

    private void loginForm(Context ctx, int status, @Nullable String error, String name, String next) {
        noStore(ctx);
        html(ctx, status, Templates.render("editor/login.jte", new EditorPages.Login(csrf.issue(LOGIN_FORM, Instant.now()), next, error,
                name.length() > 64 ? "" : name)));
    }

    void login(Context ctx) {
        SameOrigin.require(ctx, "Editor forms");
        Map<String, List<String>> form = form(ctx);
        String token = first(form, "token");
        if (!csrf.valid(LOGIN_FORM, token, Instant.now())) {
            throw new WebError(403, "This form has expired or did not come from this site: reload the log-in page and send it again.");
        }
        String name = first(form, "name");
        String password = first(form, "password");
        String next = next(first(form, "next"));
        LoginThrottle.Decision d = throttle.check(name, ctx.ip());
        if (!d.allowed()) {
            ctx.header("Retry-After", Long.toString(d.retryAfterSeconds()));
            loginForm(ctx, 429, "Too many failed log-ins for this name or from your address: try again in " + d.retryAfterSeconds() + " s.",
                    name, next);
            return;
        }
        Optional<String> editor;
        hashing.acquireUninterruptibly();
        try {
            editor = accounts.verify(name, password);
        } finally {
            hashing.release();
        }
        if (editor.isEmpty()) {
            throttle.failed(name, ctx.ip());
            LOG.info("failed editor log-in from {}", ctx.ip());
            loginForm(ctx, 401, "Wrong name or password.", name, next);
            return;
        }
        throttle.succeeded(name);
        EditorSessions.Created created = sessions.create(editor.get(), Instant.now());
        boolean secure = secure(ctx);
        ctx.header("Set-Cookie", (secure ? SECURE_COOKIE : COOKIE) + "=" + created.id() + "; Path=/; Max-Age="
                + EditorSessions.LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
        LOG.info("editor {} logged in from {}", editor.get(), ctx.ip());
        noStore(ctx);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        SameOrigin.require(ctx, "Editor forms");
        Map<String, List<String>> form = form(ctx);
        Optional<String> id = cookie(ctx);
        Optional<EditorSessions.Session> s = id.flatMap(i -> sessions.find(i, Instant.now()));
        if (s.isPresent()) {
            requireSessionToken(s.get(), form);
            sessions.end(id.get());
        }
        boolean secure = secure(ctx);
        ctx.header("Set-Cookie", (secure ? SECURE_COOKIE : COOKIE) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    // ---- pages ----

    void home(Context ctx) {
        EditorSessions.Session s = requirePage(ctx);
        if (s == null) return;
        noStore(ctx);
        html(ctx, 200, Templates.render("editor/home.jte", new EditorPages.Home(s.editor(), s.csrf(), corrections.recent(50),
                reports.count(ReportQueue.State.OPEN), ctx.queryParam("undone"))));
    }

    /** {@code GET /editor/api/reports?state=&page=}: the reports list as JSON, for an editor's session only. */
    void reportsJson(Context ctx) {
        Optional<EditorSessions.Session> s = session(ctx);
        noStore(ctx);
        if (s.isEmpty()) throw new WebError(401, "Log in as an editor first (at /editor/login).");
        String state = Params.oneOf(ctx, "state", STATES);
        if (state == null) state = "all";
        ReportQueue.State filter = state.equals("all") ? null : ReportQueue.State.of(state);
        int page = Params.page(ctx);
        List<ReportQueue.Entry> found = reports.page(filter, (page - 1) * REPORTS_PAGE_SIZE, REPORTS_PAGE_SIZE + 1);
        boolean hasNext = found.size() > REPORTS_PAGE_SIZE;
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        for (ReportQueue.Entry r : hasNext ? found.subList(0, REPORTS_PAGE_SIZE) : found) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("storyId", r.storyId());
            m.put("createdAt", r.createdAt().toString());
            m.put("kind", r.kind());
            m.put("message", r.message());
            m.put("state", r.state().key());
            m.put("stateChangedAt", r.changedAt() == null ? null : r.changedAt().toString());
            m.put("stateChangedBy", r.changedBy());
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("total", reports.count(filter));
        body.put("page", page);
        body.put("hasNext", hasNext);
        body.put("reports", out);
        WebServer.json(ctx, 200, body);
    }

    /** {@code POST /editor/corrections/{id}/undo}: the correction is no longer replayed and its stories are put back. */
    void undo(Context ctx) {
        EditorSessions.Session s = requirePost(ctx);
        Map<String, List<String>> form = form(ctx);
        requireSessionToken(s, form);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw WebError.notFound("No correction " + Params.shorten(ctx.pathParam("id")));
        }
        if (corrections.find(id).isEmpty()) throw WebError.notFound("No correction " + id);
        StoryCorrector.UndoResult r;
        try {
            synchronized (corrector) {
                r = corrector.undo(id, s.editor());
            }
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest(Objects.requireNonNullElse(e.getMessage(), "Cannot undo correction " + id));
        }
        LOG.info("editor {} undid correction #{} (stories {})", s.editor(), id, r.storyIds());
        ctx.redirect("/editor?undone=" + id, HttpStatus.SEE_OTHER);
    }

    // ---- password ----

    void passwordPage(Context ctx) {
        EditorSessions.Session s = requirePage(ctx);
        if (s == null) return;
        passwordForm(ctx, 200, s, null, false);
    }

    private void passwordForm(Context ctx, int status, EditorSessions.Session s, @Nullable String error, boolean changed) {
        noStore(ctx);
        html(ctx, status, Templates.render("editor/password.jte", new EditorPages.Password(s.editor(), s.csrf(), error, changed,
                EditorAccounts.MIN_PASSWORD_CHARS)));
    }

    /**
     * {@code POST /editor/password}: the current password (checked like a log-in, and counted by the same lock-out),
     * then the new one twice. Every other session of the editor ends.
     */
    void changePassword(Context ctx) {
        EditorSessions.Session s = requirePost(ctx);
        Map<String, List<String>> form = form(ctx);
        requireSessionToken(s, form);
        LoginThrottle.Decision d = throttle.check(s.editor(), ctx.ip());
        if (!d.allowed()) {
            ctx.header("Retry-After", Long.toString(d.retryAfterSeconds()));
            passwordForm(ctx, 429, s, "Too many wrong passwords: try again in " + d.retryAfterSeconds() + " s.", false);
            return;
        }
        String current = first(form, "current");
        String fresh = first(form, "password");
        String again = first(form, "again");
        Optional<String> ok;
        hashing.acquireUninterruptibly();
        try {
            ok = accounts.verify(s.editor(), current);
        } finally {
            hashing.release();
        }
        if (ok.isEmpty()) {
            throttle.failed(s.editor(), ctx.ip());
            passwordForm(ctx, 401, s, "The current password is wrong.", false);
            return;
        }
        if (!fresh.equals(again)) {
            passwordForm(ctx, 400, s, "The new passwords differ.", false);
            return;
        }
        if (fresh.equals(current)) {
            passwordForm(ctx, 400, s, "The new password is the current one.", false);
            return;
        }
        try {
            EditorAccounts.requirePassword(fresh);
        } catch (IllegalArgumentException e) {
            passwordForm(ctx, 400, s, "The new password is not acceptable: " + e.getMessage() + ".", false);
            return;
        }
        hashing.acquireUninterruptibly();
        try {
            accounts.setPassword(s.editor(), fresh, cookie(ctx).map(EditorSessions::idHash).orElse(null));
        } finally {
            hashing.release();
        }
        throttle.succeeded(s.editor());
        LOG.info("editor {} changed their password from {}", s.editor(), ctx.ip());
        passwordForm(ctx, 200, s, null, true);
    }

    void reportsPage(Context ctx) {
        EditorSessions.Session s = requirePage(ctx);
        if (s == null) return;
        String state = Params.oneOf(ctx, "state", STATES);
        if (state == null) state = "open";
        ReportQueue.State filter = state.equals("all") ? null : ReportQueue.State.of(state);
        int page = Params.page(ctx);
        List<ReportQueue.Entry> found = reports.page(filter, (page - 1) * REPORTS_PAGE_SIZE, REPORTS_PAGE_SIZE + 1);
        boolean hasNext = found.size() > REPORTS_PAGE_SIZE;
        noStore(ctx);
        html(ctx, 200, Templates.render("editor/reports.jte", new EditorPages.Reports(s.editor(), s.csrf(),
                hasNext ? found.subList(0, REPORTS_PAGE_SIZE) : found, state, reports.count(filter),
                new PageModels.Pager(page, hasNext, "/editor/reports?state=" + state + "&"), STATES)));
    }

    void reportState(Context ctx) {
        EditorSessions.Session s = requirePost(ctx);
        Map<String, List<String>> form = form(ctx);
        requireSessionToken(s, form);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw WebError.notFound("No report " + Params.shorten(ctx.pathParam("id")));
        }
        ReportQueue.State state;
        try {
            state = ReportQueue.State.of(first(form, "state"));
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("state must be one of " + java.util.Arrays.stream(ReportQueue.State.values()).map(ReportQueue.State::key)
                    .collect(java.util.stream.Collectors.joining(", ")) + "; got: " + Params.shorten(first(form, "state")), e);
        }
        if (!reports.setState(id, state, s.editor(), Instant.now())) throw WebError.notFound("No report " + id);
        LOG.info("editor {} set report {} to {}", s.editor(), id, state.key());
        String back = first(form, "back");
        ctx.redirect(back.startsWith("/editor/reports") && !back.contains("//") ? back : "/editor/reports", HttpStatus.SEE_OTHER);
    }

    // ---- corrections ----

    void split(Context ctx) {
        correct(ctx, (s, form, id) -> corrector.split(id, form.getOrDefault("article", List.of()), s.editor(), note(form)));
    }

    void merge(Context ctx) {
        correct(ctx, (s, form, id) -> corrector.merge(id, storyIdOf(first(form, "other")), s.editor(), note(form)));
    }

    void move(Context ctx) {
        correct(ctx, (s, form, id) -> {
            List<String> articles = form.getOrDefault("article", List.of());
            if (articles.isEmpty()) throw new IllegalArgumentException("tick at least one article to move");
            return corrector.move(articles, storyIdOf(first(form, "to")), s.editor(), note(form));
        });
    }

    private interface Correct {
        StoryCorrector.Result apply(EditorSessions.Session s, Map<String, List<String>> form, String storyId);
    }

    private void correct(Context ctx, Correct correct) {
        EditorSessions.Session s = requirePost(ctx);
        Map<String, List<String>> form = form(ctx);
        requireSessionToken(s, form);
        String id = ctx.pathParam("id");
        StoryCorrector.Result r;
        // One correction at a time per server: two editors correcting overlapping stories at once would each rewrite
        // the stories as they read them. (Both would be recorded and replayed by the next re-clustering anyway.)
        try {
            synchronized (corrector) {
                r = correct.apply(s, form, id);
            }
        } catch (IllegalArgumentException e) {
            // The corrector's refusals are written for the editor: they name the story or article at fault.
            throw WebError.badRequest(String.valueOf(e.getMessage()), e);
        }
        LOG.info("editor {}: correction {}", s.editor(), r.correction().describe());
        // Back to the story the editor was on (or the one that took its id over), naming the stories it left.
        String at = store.storyRef(id).isPresent() ? id : store.storyRedirect(id).orElse(r.storyIds().get(0));
        ctx.redirect(Fmt.storyHref(at) + "?corrected=" + String.join(",", r.storyIds()) + "#editor", HttpStatus.SEE_OTHER);
    }

    private static String note(Map<String, List<String>> form) {
        String note = first(form, "note").strip();
        if (note.length() > news.parallax.editor.Correction.MAX_NOTE_CHARS) {
            throw new IllegalArgumentException("the note has " + note.length() + " characters; at most " + news.parallax.editor.Correction.MAX_NOTE_CHARS);
        }
        return note;
    }

    /** A story id, or the id at the end of a story link ({@code https://host/story/ID}, {@code /story/ID}). */
    static String storyIdOf(String value) {
        String v = value.strip();
        int at = v.lastIndexOf("/story/");
        if (at >= 0) v = v.substring(at + "/story/".length());
        int end = v.indexOf('?');
        if (end >= 0) v = v.substring(0, end);
        end = v.indexOf('#');
        if (end >= 0) v = v.substring(0, end);
        if (v.endsWith("/")) v = v.substring(0, v.length() - 1);
        if (v.isEmpty()) throw new IllegalArgumentException("name the other story (its id or its link)");
        if (!STORY_ID.matcher(v).matches()) throw new IllegalArgumentException("not a story id or link: " + Params.shorten(value));
        return v;
    }

    // ---- the story page's panel ----

    /** The editor panel for a story page, or null for a reader (no cookie, or no live session: nothing is set). */
    EditorPages.@Nullable StoryPanel panel(Context ctx, StoryView view) {
        Optional<EditorSessions.Session> s = session(ctx);
        if (s.isEmpty()) return null;
        noStore(ctx);
        List<String> corrected = new ArrayList<>();
        String q = ctx.queryParam("corrected");
        if (q != null) {
            for (String id : q.split(",")) {
                if (STORY_ID.matcher(id).matches() && corrected.size() < 10) corrected.add(id);
            }
        }
        return new EditorPages.StoryPanel(s.get().editor(), s.get().csrf(), view.id(), view.articles(), corrected);
    }

    // ---- sessions and checks ----

    private Optional<String> cookie(Context ctx) {
        String secure = ctx.cookie(SECURE_COOKIE);
        if (secure != null && !secure.isEmpty()) return Optional.of(secure);
        String plain = ctx.cookie(COOKIE);
        return plain == null || plain.isEmpty() ? Optional.empty() : Optional.of(plain);
    }

    Optional<EditorSessions.Session> session(Context ctx) {
        return cookie(ctx).flatMap(id -> sessions.find(id, Instant.now()));
    }

    /** The session of a page request, or null after sending the reader to the log-in page. */
    private EditorSessions.@Nullable Session requirePage(Context ctx) {
        Optional<EditorSessions.Session> s = session(ctx);
        if (s.isPresent()) return s.get();
        String path = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.redirect("/editor/login?next=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        return null;
    }

    private EditorSessions.Session requirePost(Context ctx) {
        SameOrigin.require(ctx, "Editor forms");
        return session(ctx).orElseThrow(() -> new WebError(403, "Log in as an editor first (at /editor/login); your session may have expired."));
    }

    private static void requireSessionToken(EditorSessions.Session s, Map<String, List<String>> form) {
        byte[] sent = first(form, "csrf").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8), sent)) {
            throw new WebError(403, "This form did not come from your editor session: reload the page and send it again.");
        }
    }

    private boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) return true;
        if ("https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))) return true;
        String host = ctx.header("Host");
        return httpsHost != null && host != null && HostPolicy.hostOf(host).toLowerCase(Locale.ROOT).equals(httpsHost);
    }

    /** A local path to go to after logging in: only this site's own paths (never {@code //other} or a scheme). */
    static String next(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 500
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/editor";
        }
        return next;
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }

    private static void html(Context ctx, int status, String body) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(body);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** The body as a form with repeated fields kept in order (checkboxes); URL-encoded only, at most {@link #MAX_FORM_BYTES}. */
    private static Map<String, List<String>> form(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new WebError(415, "Send the form as application/x-www-form-urlencoded, not "
                    + (type == null ? "a body without Content-Type" : Params.shorten(type)));
        }
        if (ctx.req().getContentLengthLong() > MAX_FORM_BYTES) throw new WebError(413, "The form is larger than " + MAX_FORM_BYTES + " bytes.");
        String body;
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FORM_BYTES + 1);
            if (bytes.length > MAX_FORM_BYTES) throw new WebError(413, "The form is larger than " + MAX_FORM_BYTES + " bytes.");
            body = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WebError(400, "the request body could not be read", Map.of(), e);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String kv : body.split("&")) {
            if (kv.isEmpty()) continue;
            int eq = kv.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                throw WebError.badRequest("the form is not valid URL encoding near: " + Params.shorten(kv));
            }
        }
        return out;
    }
}

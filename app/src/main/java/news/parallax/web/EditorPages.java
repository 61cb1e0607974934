package news.parallax.web;

import java.util.List;
import news.parallax.analysis.StoryView;
import news.parallax.editor.Correction;
import news.parallax.editor.Corrections;
import news.parallax.editor.ReportQueue;
import org.jspecify.annotations.Nullable;

/** What the editor templates render (issue 14); public because the precompiled templates live in another package. */
public final class EditorPages {
    private EditorPages() {}

    /**
     * The log-in page.
     *
     * @param token the form's anti-forgery token
     * @param next  the local path to return to after logging in
     * @param error what went wrong with the last attempt, or null
     */
    public record Login(String token, String next, @Nullable String error, String name) {}

    /**
     * The editor's start page: the latest corrections, undone ones included.
     *
     * @param undone the number of the correction just undone (from the query), shown as a notice; null otherwise
     */
    public record Home(String editor, String csrf, List<Corrections.Entry> corrections, long openReports, @Nullable String undone) {}

    /**
     * The page where an editor changes their password.
     *
     * @param error   what was wrong with the last attempt, or null
     * @param changed whether the password was just changed
     */
    public record Password(String editor, String csrf, @Nullable String error, boolean changed, int minChars) {}

    /** One page of reports with their state. */
    public record Reports(String editor, String csrf, List<ReportQueue.Entry> reports, String state, long total,
            PageModels.Pager pager, List<String> states) {}

    /**
     * The panel an editor sees on a story page.
     *
     * @param corrected the stories a correction just left, to link (empty otherwise)
     */
    public record StoryPanel(String editor, String csrf, String storyId, List<StoryView.ArticleView> articles, List<String> corrected) {}
}

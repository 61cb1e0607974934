package news.parallax.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The jte templates under {@code src/main/jte}, compiled to classes at build time (jte-maven-plugin), so no Java
 * compiler is needed at run time. HTML mode: every {@code ${...}} is escaped for its context. Thread-safe.
 */
final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, model, out);
        return out.toString();
    }

    static String story(PageModels.StoryPage page) {
        return story(page, null);
    }

    /** The story page with the editor's panel (issue 14); a null panel renders the reader's page. */
    static String story(PageModels.StoryPage page, EditorPages.@org.jspecify.annotations.Nullable StoryPanel editor) {
        // By name: the template's second parameter (the panel) defaults to null, which jte's one-object render cannot fill.
        StringOutput out = new StringOutput();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("page", page);
        if (editor != null) params.put("editor", editor);
        ENGINE.render("story.jte", params, out);
        return out.toString();
    }
}

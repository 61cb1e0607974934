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
        return render("story.jte", page);
    }
}

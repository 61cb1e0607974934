package news.parallax.extract;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The body rules added for issue 16, each switchable for the ablation in BENCHMARKS.md: the system
 * property {@value #DISABLE_PROPERTY} (comma-separated rule names, case-insensitive) turns rules off.
 * All are on by default; the property is read once, so it is for measuring, not for configuration.
 */
enum BodyRule {
    /** A banner, navigation or complementary landmark that holds the page's main element is read (unclosed markup). */
    LANDMARK_HOLDING_MAIN,
    /** A page that is no article because its body is short keeps that body; list pages stay empty. */
    SHORT_BODY_KEPT,
    /** Short unlinked items of a list or table of three or more are kept (ingredients, specifications). */
    SHORT_LIST_ITEMS,
    /** {@code <noscript>} is read like any element: some blogs print the whole post there for readers without scripts. */
    NOSCRIPT_TEXT,
    /** Headings and short lines after the container's last substantial block are dropped ("Schlagworte", "Über den Autor"). */
    TRAILING_NON_PROSE,
    /** Unlinked items of long lists and tables count as neither content nor noise when choosing the container. */
    LIST_ITEMS_NEUTRAL,
    /** Siblings of the container scoring a good share of its score are read with it. */
    SIBLING_CONTENT,
    /** Small boxes after the body's main run of paragraphs (author boxes, plugs, related lists) are dropped. */
    IN_ROOT_TRAILING_BOX,
    /** Blocks in a box off the main run whose class or id names furniture, and no article word, are dropped. */
    IN_ROOT_NAMED_BOX,
    /** After a main run holding half the body, boxes after it holding less than a fifth of it are dropped too. */
    IN_ROOT_LARGER_TRAILING_BOX,
    /** Where the in-root step dropped blocks, headings and short lines it leaves at the end go too. */
    IN_ROOT_LABELS_LEFT,
    /** Short, partly linked lines among the body's last two blocks are dropped ("More at ...", "Sign up here"). */
    IN_ROOT_LINKED_TAIL,
    /** Lines ahead of a main run holding half the body, in a tiny box, that are neither headings nor sentences (captions, notices). */
    IN_ROOT_LEADING_LINE;

    static final String DISABLE_PROPERTY = "parallax.extract.disable";

    private static final Set<BodyRule> ENABLED = enabledRules(System.getProperty(DISABLE_PROPERTY, ""));

    static Set<BodyRule> enabledRules(String disabled) {
        Set<BodyRule> on = EnumSet.allOf(BodyRule.class);
        for (String name : disabled.split(",")) {
            String n = name.trim().toUpperCase(Locale.ROOT);
            if (n.isEmpty()) continue;
            try {
                on.remove(BodyRule.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(DISABLE_PROPERTY + ": no body rule named " + name.trim(), e);
            }
        }
        return on;
    }

    boolean on() {
        return ENABLED.contains(this);
    }
}

package news.parallax.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.parallax.editor.Correction;
import news.parallax.editor.Corrections;
import news.parallax.editor.EditorAccounts;
import news.parallax.internal.Json;
import news.parallax.pipeline.StoryCorrector;
import news.parallax.store.Store;
import news.parallax.store.StoryRedirect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code story split|merge|move|corrections}: an editor's corrections from the command line (issue 14), the same as
 * the story page's editor panel. Each is stored and replayed by every later re-clustering and live pass.
 */
final class StoryCorrectionCommands {
    private StoryCorrectionCommands() {}

    /** Options every correction takes. */
    static final class Who {
        @Option(names = "--editor", paramLabel = "NAME", description = "The editor account making the correction (default: console:$USER).")
        String editor;

        @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "Why (kept with the correction).")
        String note;

        @Option(names = "--json", description = "Print the result as JSON: {correction, stories, redirects}.")
        boolean json;

        /** The recorded editor: an existing account, or console:USER. */
        String editor(Store store) {
            if (editor == null) return "console:" + System.getProperty("user.name", "unknown");
            String n = EditorAccounts.requireName(editor);
            if (!new EditorAccounts(store).exists(n)) throw new IllegalArgumentException("no editor " + n + " (add one with: parallax editor add NAME)");
            return n;
        }
    }

    private interface Correct {
        StoryCorrector.Result apply(StoryCorrector corrector, String editor, String note);
    }

    /**
     * What a correction or an undo did, as printed: {@code key} names the correction in the JSON, {@code verb} leads
     * the line describing it.
     */
    private record Done(String key, String verb, Correction correction, List<String> storyIds, List<StoryRedirect> redirects) {}

    private interface Work {
        Done apply(Store store, StoryCorrector corrector);
    }

    private static int run(DataOption data, Who who, Correct correct) {
        return run(data, who.json, (store, corrector) -> {
            StoryCorrector.Result r = correct.apply(corrector, who.editor(store), who.note.strip());
            return new Done("correction", "correction", r.correction(), r.storyIds(), r.redirects());
        });
    }

    /** Runs {@code work} on the store; a refused correction or undo (bad ids, unknown editor) is its message and exit code 2. */
    private static int run(DataOption data, boolean json, Work work) {
        try (Store store = Services.store(data)) {
            Done d;
            try {
                d = work.apply(store, StoryCorrector.standard(store, Services.analyzer(data.dir())));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            if (json) {
                System.out.println(Json.writePretty(Map.of(d.key(), d.correction(), "stories", d.storyIds(), "redirects", d.redirects())));
                return 0;
            }
            System.out.println(d.verb() + " " + d.correction().describe());
            for (String id : d.storyIds()) {
                store.storyRef(id).ifPresent(s -> System.out.println("  story " + s.id() + ": " + s.articleCount() + " articles, " + s.title()));
            }
            d.redirects().forEach(x -> System.out.println("  story " + x.from() + " now redirects to " + x.to()));
            return 0;
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true, description = "Moves the named articles out of story ID into a new story.")
    static final class Split implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Mixin
        Who who;
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ARTICLE")
        List<String> articles;

        @Override
        public Integer call() {
            return run(data, who, (c, editor, note) -> c.split(id, articles, editor, note));
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, description = "Merges story OTHER with story ID; the id of the "
            + "story holding most of the articles survives (on a tie, the older) and the other redirects to it.")
    static final class Merge implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Mixin
        Who who;
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Parameters(index = "1", paramLabel = "OTHER")
        String other;

        @Override
        public Integer call() {
            return run(data, who, (c, editor, note) -> c.merge(id, other, editor, note));
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true, description = "Moves the named articles into story --to.")
    static final class Move implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Mixin
        Who who;
        @Parameters(arity = "1..*", paramLabel = "ARTICLE")
        List<String> articles;
        @Option(names = "--to", required = true, paramLabel = "STORY", description = "The story the articles go to.")
        String to;

        @Override
        public Integer call() {
            return run(data, who, (c, editor, note) -> c.move(articles, to, editor, note));
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true, description = "Undoes correction N (see story corrections): it is no longer "
            + "replayed, and the stories it made are put back now.")
    static final class Undo implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Parameters(paramLabel = "N", description = "The correction's number.")
        long id;
        @Option(names = "--editor", paramLabel = "NAME", description = "The editor account undoing it (default: console:$USER).")
        String editor;
        @Option(names = "--json", description = "Print the result as JSON: {undone, stories, redirects}.")
        boolean json;

        @Override
        public Integer call() {
            return run(data, json, (store, corrector) -> {
                Who who = new Who();
                who.editor = editor;
                StoryCorrector.UndoResult r = corrector.undo(id, who.editor(store));
                return new Done("undone", "undid correction", r.undone(), r.storyIds(), r.redirects());
            });
        }
    }

    @Command(name = "corrections", mixinStandardHelpOptions = true, description = "Lists the corrections made, newest first.")
    static final class ListCorrections implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--json", description = "As a JSON array.")
        boolean json;

        @Override
        public Integer call() {
            if (limit < 1) {
                System.err.println("--limit must be at least 1, got " + limit);
                return 2;
            }
            try (Store store = Services.store(data)) {
                List<Correction> list = new Corrections(store).latest(limit);
                if (json) {
                    System.out.println(Json.writePretty(list));
                    return 0;
                }
                if (list.isEmpty()) System.out.println("no corrections");
                for (Corrections.Entry e : new Corrections(store).recent(limit)) {
                    System.out.println(e.correction().describe() + (e.undone() ? " [undone by " + e.undoneBy() + ", " + e.undoneAt() + "]" : ""));
                }
                return 0;
            }
        }
    }
}

package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import news.parallax.editor.Corrections;
import news.parallax.editor.EditorAccounts;
import news.parallax.editor.EditorFixtures;
import news.parallax.editor.EditorSessions;
import news.parallax.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code editor add|list|remove|passwd} and {@code story split|merge|move|undo|corrections} on a real SQLite store; {@code story ID} still works. */
class EditorCommandTest {
    @TempDir
    Path dir;

    private CliRun.Result withInput(String stdin, String... args) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.run(args);
        } finally {
            System.setIn(old);
        }
    }

    private String storyOf(Store store, String articleId) {
        return store.stories(0).stream().filter(r -> r.articleIds().contains(articleId)).findFirst().orElseThrow().id();
    }

    @Test
    void editorAccountsAreAddedWithAPasswordFromStandardInputListedAndRemoved() {
        String data = dir.toString();
        CliRun.Result added = withInput("correct horse battery\n", "editor", "add", "Ann", "--data", data);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("editor ann added");
        assertThat(withInput("correct horse battery\n", "editor", "add", "ann", "--data", data).err()).contains("already exists");
        CliRun.Result shortPassword = withInput("short\n", "editor", "add", "bob", "--data", data);
        assertThat(shortPassword.exitCode()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("at least 10");
        assertThat(withInput("", "editor", "add", "bob", "--data", data).err()).contains("no password on standard input");
        assertThat(withInput("x\n", "editor", "add", "no/slash", "--data", data).err()).contains("editor name \"no/slash\" is not valid");
        assertThat(CliRun.ok("editor", "list", "--data", data)).contains("ann").doesNotContain("bob");
        try (Store store = Store.open(dir)) {
            assertThat(new EditorAccounts(store).verify("ann", "correct horse battery")).contains("ann");
        }
        assertThat(CliRun.ok("editor", "remove", "ann", "--data", data)).contains("editor ann removed");
        assertThat(CliRun.run("editor", "remove", "ann", "--data", data).exitCode()).isEqualTo(1);
        assertThat(CliRun.ok("editor", "list", "--data", data)).contains("no editors");
    }

    @Test
    void storySplitMergeAndMoveCorrectTheStoreAndStoryIdStillShowsAStory() {
        String storm, chess, quake, fire;
        try (Store store = Store.open(dir)) {
            EditorFixtures.fill(store);
            new EditorAccounts(store).add("ann", "correct horse battery");
            storm = storyOf(store, "storm-1");
            chess = storyOf(store, "chess-1");
            quake = storyOf(store, "quake-1");
            fire = storyOf(store, "fire-1");
        }
        String data = dir.toString();
        assertThat(CliRun.ok("story", storm, "--data", data)).contains("Storm Hilda");
        String split = CliRun.ok("story", "split", storm, "storm-3", "--editor", "ann", "--note", "separate", "--data", data);
        assertThat(split).contains("split 1 article(s) out of story " + storm + " by ann");
        assertThat(CliRun.ok("story", "merge", chess, quake, "--data", data)).contains("merged story " + quake + " into story " + chess,
                "story " + quake + " now redirects to " + chess);
        assertThat(CliRun.ok("story", "move", "fire-2", "--to", storm, "--json", "--data", data)).contains("\"kind\" : \"move\"",
                "\"editor\" : \"console:");
        try (Store store = Store.open(dir)) {
            Set<Set<String>> partition = store.stories(0).stream().map(r -> Set.copyOf(r.articleIds())).collect(Collectors.toSet());
            assertThat(partition).isEqualTo(Set.of(Set.of("storm-1", "storm-2", "fire-2"), Set.of("storm-3"),
                    Set.of("chess-1", "chess-2", "quake-1", "quake-2"), Set.of("fire-1")));
            assertThat(new Corrections(store).all()).hasSize(3);
            assertThat(storyOf(store, "fire-1")).isEqualTo(fire);
        }
        assertThat(CliRun.ok("story", "corrections", "--data", data)).contains("#3 moved 1 article(s)", "#1 split");
        // Bad input: exit 2 naming it, nothing stored.
        CliRun.Result bad = CliRun.run("story", "split", storm, "chess-1", "--data", data);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("article chess-1 is not in story " + storm);
        CliRun.Result gone = CliRun.run("story", "merge", quake, storm, "--data", data);
        assertThat(gone.err()).contains("story " + quake + " is now story " + chess);
        assertThat(CliRun.run("story", "split", storm, "storm-1", "--editor", "nobody", "--data", data).err()).contains("no editor nobody");
        assertThat(CliRun.run("story", "--data", data).exitCode()).isEqualTo(2);
        assertThat(CliRun.ok("story", "corrections", "--json", "--data", data)).contains("\"targetArticles\"");
    }

    @Test
    void editorPasswdSetsANewPasswordEndsTheSessionsAndNamesBadInput() {
        String data = dir.toString();
        String session;
        try (Store store = Store.open(dir)) {
            new EditorAccounts(store).add("ann", "correct horse battery");
            session = new EditorSessions(store).create("ann", Instant.now()).id();
            assertThat(new EditorSessions(store).find(session, Instant.now())).isPresent();
        }
        CliRun.Result changed = withInput("staple gun and paper\n", "editor", "passwd", "Ann", "--data", data);
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("password of editor ann changed");
        try (Store store = Store.open(dir)) {
            EditorAccounts accounts = new EditorAccounts(store);
            assertThat(accounts.verify("ann", "staple gun and paper")).contains("ann");
            assertThat(accounts.verify("ann", "correct horse battery")).isEmpty();
            assertThat(new EditorSessions(store).find(session, Instant.now())).as("sessions end with the old password").isEmpty();
        }
        // Bad input: a clear message and exit code, and the stored password is kept.
        CliRun.Result unknown = withInput("staple gun and paper\n", "editor", "passwd", "bob", "--data", data);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no editor bob");
        CliRun.Result tooShort = withInput("short\n", "editor", "passwd", "ann", "--data", data);
        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.err()).contains("at least 10");
        CliRun.Result none = withInput("", "editor", "passwd", "ann", "--data", data);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no password on standard input");
        assertThat(withInput("x\n", "editor", "passwd", "no/slash", "--data", data).err()).contains("editor name \"no/slash\" is not valid");
        try (Store store = Store.open(dir)) {
            assertThat(new EditorAccounts(store).verify("ann", "staple gun and paper")).contains("ann");
        }
    }

    @Test
    void storyUndoPutsTheArticlesBackAndIsNotReplayedTwice() {
        String storm;
        try (Store store = Store.open(dir)) {
            EditorFixtures.fill(store);
            new EditorAccounts(store).add("ann", "correct horse battery");
            storm = storyOf(store, "storm-1");
        }
        String data = dir.toString();
        Set<Set<String>> before;
        try (Store store = Store.open(dir)) {
            before = store.stories(0).stream().map(r -> Set.copyOf(r.articleIds())).collect(Collectors.toSet());
        }
        CliRun.ok("story", "split", storm, "storm-3", "--editor", "ann", "--data", data);
        long id;
        try (Store store = Store.open(dir)) {
            assertThat(store.stories(0).stream().map(r -> Set.copyOf(r.articleIds()))).contains(Set.of("storm-3"));
            id = new Corrections(store).latest(1).get(0).id();
        }
        String undone = CliRun.ok("story", "undo", Long.toString(id), "--editor", "ann", "--data", data);
        assertThat(undone).contains("undid correction #" + id + " split 1 article(s) out of story " + storm, "story " + storm + ": 3 articles");
        try (Store store = Store.open(dir)) {
            assertThat(store.stories(0).stream().map(r -> Set.copyOf(r.articleIds())).collect(Collectors.toSet())).isEqualTo(before);
            Corrections.Entry entry = new Corrections(store).find(id).orElseThrow();
            assertThat(entry.undone()).isTrue();
            assertThat(entry.undoneBy()).isEqualTo("ann");
        }
        assertThat(CliRun.ok("story", "corrections", "--data", data)).contains("#" + id + " split", "[undone by ann");
        // Undoing it again, or a correction that does not exist: exit 2 naming it, the stories unchanged.
        CliRun.Result again = CliRun.run("story", "undo", Long.toString(id), "--data", data);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("correction #" + id + " was already undone by ann");
        CliRun.Result missing = CliRun.run("story", "undo", "999", "--data", data);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no correction #999");
        assertThat(CliRun.run("story", "undo", "not-a-number", "--data", data).exitCode()).isEqualTo(2);
        try (Store store = Store.open(dir)) {
            assertThat(store.stories(0).stream().map(r -> Set.copyOf(r.articleIds())).collect(Collectors.toSet())).isEqualTo(before);
        }
    }
}

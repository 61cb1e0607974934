package news.parallax.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import news.parallax.editor.EditorAccounts;
import news.parallax.store.Store;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code editor add|list|remove}: the accounts that may log in at /editor/login and correct stories (issue 14). */
@Command(name = "editor", mixinStandardHelpOptions = true, description = "Editor accounts: add NAME, list, remove NAME, passwd NAME.",
        subcommands = {EditorCommand.Add.class, EditorCommand.ListEditors.class, EditorCommand.Remove.class, EditorCommand.Passwd.class})
final class EditorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("usage: parallax editor add NAME | list | remove NAME | passwd NAME");
        return 2;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds an editor. The password is asked on the console "
            + "without echo, or read as one line from standard input when that is not a terminal (for scripts).")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "NAME", description = "Account name: 1 to 64 letters, digits, '.', '-' or '_' (stored in lower case).")
        String name;

        @Override
        public Integer call() throws IOException {
            String n;
            try {
                n = EditorAccounts.requireName(name);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            char @Nullable [] password = readPassword(n);
            if (password == null) return 2;
            try (Store store = Services.store(data)) {
                new EditorAccounts(store).add(n, java.nio.CharBuffer.wrap(password));
                System.out.println("editor " + n + " added to " + store.location() + "; log in at /editor/login");
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Sets an editor's new password (asked like for add) and "
            + "ends all their sessions. For a forgotten password; an editor who knows theirs can also change it at /editor/password.")
    static final class Passwd implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            String n;
            try {
                n = EditorAccounts.requireName(name);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            try (Store store = Services.store(data)) {
                EditorAccounts accounts = new EditorAccounts(store);
                if (!accounts.exists(n)) {
                    System.err.println("no editor " + n + " in " + store.location());
                    return 1;
                }
                char[] password = readPassword(n);
                if (password == null) return 2;
                try {
                    accounts.setPassword(n, java.nio.CharBuffer.wrap(password), null);
                    System.out.println("password of editor " + n + " changed; their sessions are ended");
                    return 0;
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    return 2;
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the editors.")
    static final class ListEditors implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            try (Store store = Services.store(data)) {
                var editors = new EditorAccounts(store).list();
                if (editors.isEmpty()) System.out.println("no editors (add one with: parallax editor add NAME)");
                for (var e : editors) System.out.println(e.name() + "\tadded " + e.createdAt());
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes an editor and ends their sessions; their corrections stay.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Store store = Services.store(data)) {
                if (!new EditorAccounts(store).remove(name)) {
                    System.err.println("no editor " + name + " in " + store.location());
                    return 1;
                }
                System.out.println("editor " + EditorAccounts.requireName(name) + " removed");
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    /** The new password: asked twice without echo on a terminal, else the first line of standard input; null when refused. */
    static char @Nullable [] readPassword(String name) throws IOException {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            char[] first = console.readPassword("Password for %s (at least %d characters): ", name, EditorAccounts.MIN_PASSWORD_CHARS);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                System.err.println("the passwords differ (or none was given); nothing was changed");
                return null;
            }
            Arrays.fill(again, '\0');
            return first;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            System.err.println("no password on standard input (give it as one line)");
            return null;
        }
        return line.toCharArray();
    }

    /** Console.isTerminal() exists from Java 22, where System.console() is no longer null for redirected streams. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console is only returned for a terminal
        }
    }
}

package news.parallax.cli;

import java.util.List;

/**
 * Subcommands that a jar on the class path adds to {@code parallax}: the evaluation module's {@code eval-*} and
 * {@code bench-*} commands. The product knows none of them; {@link Main} finds each implementation through
 * {@link java.util.ServiceLoader} (a jar names it in {@code META-INF/services/news.parallax.cli.ExtraCommands}), so
 * the product runs, and tests, without them.
 */
public interface ExtraCommands {
    /** Picocli command objects, each annotated {@code @Command(name = ...)}, in the order {@code --help} lists them. */
    List<Object> commands();
}

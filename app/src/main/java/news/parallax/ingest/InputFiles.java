package news.parallax.ingest;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists the files an ingest reads from the paths a user named: files as given, folders recursively
 * (following symbolic links, with loops detected), input formats only, in name order.
 *
 * <p>What cannot be listed or read is reported and skipped, never thrown: an unreadable folder, a
 * FIFO, device or socket (never opened, so a FIFO cannot block the run), a symlink loop, a broken
 * link, a missing path. Each report is one {@link InputItem.Rejected} naming the path and the
 * operating system's reason. Stateless and thread-safe.
 */
public final class InputFiles {
    /** The files to read, and how many entries of the folders were other files (images, notes, ...). */
    public record Listing(List<Path> files, int otherFiles) {
        public Listing {
            files = List.copyOf(files);
        }
    }

    private InputFiles() {}

    public static Listing list(List<Path> inputs, Consumer<InputItem.Rejected> skipped) {
        List<Path> files = new ArrayList<>();
        int[] others = {0};
        for (Path input : inputs) {
            String location = input.toAbsolutePath().normalize().toString();
            if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                skipped.accept(new InputItem.Rejected(location, "no such file or directory", Problem.MISSING));
                continue;
            }
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(input, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        boolean named = file.equals(input);
                        if (attrs.isRegularFile()) {
                            // A file the user named is read whatever its name; the reader says when it is no input format.
                            if (named || InputFormat.of(file).isPresent()) found.add(file);
                            else if (!isSidecar(file)) others[0]++;
                        } else if (attrs.isSymbolicLink()) {
                            // The walker hands over the link itself when its target cannot be read: a loop or a dangling link.
                            skipped.accept(brokenLink(file));
                        } else if (attrs.isOther()) {
                            skipped.accept(new InputItem.Rejected(where(file), "not a regular file (" + FileErrors.specialKind(file)
                                    + "); skipped unopened", Problem.SPECIAL_FILE));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        Problem problem = FileErrors.problem(e);
                        String what = Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? "folder" : "entry";
                        skipped.accept(new InputItem.Rejected(where(file), "cannot read " + what + ": " + FileErrors.reason(e), problem));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        // A folder that fails midway keeps what was listed before the failure.
                        if (e != null) {
                            skipped.accept(new InputItem.Rejected(where(dir), "folder listing stopped: " + FileErrors.reason(e),
                                    FileErrors.problem(e)));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                skipped.accept(new InputItem.Rejected(location, "cannot read: " + FileErrors.reason(e), FileErrors.problem(e)));
            }
            found.sort(null);
            files.addAll(found);
        }
        return new Listing(files, others[0]);
    }

    private static InputItem.Rejected brokenLink(Path link) {
        try {
            Path unused = link.toRealPath(); // called for its exception: why the walk could not follow the link
            return new InputItem.Rejected(where(link), "symbolic link that cannot be followed", Problem.BROKEN_SYMLINK);
        } catch (IOException e) {
            Problem p = FileErrors.problem(e);
            if (p == Problem.SYMLINK_LOOP) return new InputItem.Rejected(where(link), "symlink loop (" + FileErrors.reason(e) + ")", p);
            if (p == Problem.MISSING) return new InputItem.Rejected(where(link), "broken symlink (its target does not exist)", Problem.BROKEN_SYMLINK);
            return new InputItem.Rejected(where(link), "cannot follow symlink: " + FileErrors.reason(e), p);
        }
    }

    /** Sidecars are read with their article, not counted as files left unread. */
    private static boolean isSidecar(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".meta.json");
    }

    private static String where(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}

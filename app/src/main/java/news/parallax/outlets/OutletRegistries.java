package news.parallax.outlets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Factories for the registries the product uses.
 *
 * <p>{@link #standard(Path)} is what the pipeline and the web server call: the bundled ratings (built by
 * {@link RegistryGenerator} from AllSides and Media Bias/Fact Check data, owners from a hand-made list) with the data folder's
 * {@value #USER_FILE} applied on top when it exists.
 */
public final class OutletRegistries {
    /** Bundled registry resource, generated, with the raters' attribution in its header. */
    public static final String BUNDLED_RESOURCE = "/outlets/registry.json";
    /** User file in the data folder that overrides or adds outlets. */
    public static final String USER_FILE = "outlets.json";

    private OutletRegistries() {}

    /** The ratings shipped with Parallax, with the owners of {@link OwnershipList#BUNDLED_RESOURCE}. */
    public static DefaultOutletRegistry bundled() {
        try (InputStream in = OutletRegistries.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) throw new IllegalStateException("registry resource " + BUNDLED_RESOURCE + " is missing from the classpath");
            return new DefaultOutletRegistry(OwnershipList.apply(RegistryFile.read(in, "classpath:" + BUNDLED_RESOURCE), OwnershipList.bundled()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    /**
     * Bundled ratings plus {@code dataDir/outlets.json} when present.
     *
     * @throws RegistryFormatException when the user file is malformed (the message names file and entry)
     * @throws UncheckedIOException    when the user file exists but cannot be read
     */
    public static DefaultOutletRegistry standard(Path dataDir) {
        Path userFile = dataDir.resolve(USER_FILE);
        try {
            return withUserFile(bundled(), userFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read outlet file " + userFile, e);
        }
    }

    /** {@code base} with the outlets of {@code userFile} applied; unchanged when the file does not exist. */
    public static DefaultOutletRegistry withUserFile(DefaultOutletRegistry base, Path userFile) throws IOException {
        if (!Files.exists(userFile)) return base;
        try (InputStream in = Files.newInputStream(userFile)) {
            return base.withOverrides(RegistryFile.read(in, userFile.toString()));
        }
    }
}

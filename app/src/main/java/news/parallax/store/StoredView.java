package news.parallax.store;

import java.util.Objects;

/**
 * A story's analysed view as stored: the store keeps it opaque (the pipeline encodes it).
 *
 * @param stamp    the story's {@link StoredStory#stamp()} the view was built from
 * @param version  the analysis format and outlet registry it was built with
 * @param overview JSON of what story feeds show (landscape, blindspot)
 * @param view     the encoded view
 */
public record StoredView(String storyId, String stamp, String version, String overview, byte[] view) {
    public StoredView {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(overview, "overview");
        Objects.requireNonNull(view, "view");
    }

    /**
     * What decides whether a story's stored view is current, without the view itself.
     *
     * @param storyStamp  the story's stamp; null for a story saved before stamps existed
     * @param viewStamp   the stamp its stored view was built from; null when it has none
     * @param viewVersion the version its stored view was built with; null when it has none
     */
    public record Stamps(String storyId, @org.jspecify.annotations.Nullable String storyStamp,
            @org.jspecify.annotations.Nullable String viewStamp, @org.jspecify.annotations.Nullable String viewVersion) {
        /** True when the stored view was built from this very story with {@code version}. */
        public boolean current(String version) {
            return storyStamp != null && storyStamp.equals(viewStamp) && version.equals(viewVersion);
        }

        public boolean hasView() {
            return viewStamp != null;
        }
    }
}

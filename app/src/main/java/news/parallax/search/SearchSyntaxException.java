package news.parallax.search;

/** A search query or filter that cannot be run; the message names the input and says what to change. */
public final class SearchSyntaxException extends IllegalArgumentException {
    public SearchSyntaxException(String message) {
        super(message);
    }
}

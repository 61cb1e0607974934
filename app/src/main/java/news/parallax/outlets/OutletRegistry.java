package news.parallax.outlets;

import java.util.Collection;
import java.util.Optional;

/**
 * Looks up outlets by domain, alias or name.
 *
 * <p>Contract: {@code find} accepts a bare domain ("bbc.co.uk"), a URL, or an outlet name as
 * found in records ("New York Times - News"); it returns empty for outlets it does not know,
 * which callers show as unrated, never guessed. Thread-safe; immutable after construction.
 */
public interface OutletRegistry {
    Optional<Outlet> find(String domainUrlOrName);

    Collection<Outlet> all();
}

package news.parallax.outlets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A registry that knows no outlet: everything is unrated. */
public final class EmptyRegistry implements OutletRegistry {
    @Override
    public Optional<Outlet> find(String domainUrlOrName) {
        return Optional.empty();
    }

    @Override
    public Collection<Outlet> all() {
        return List.of();
    }
}

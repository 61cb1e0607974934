package news.parallax.claims;

import java.util.List;
import news.parallax.model.Claim;
import news.parallax.model.Entity;

/**
 * The claim-level view of one story.
 *
 * @param claims   every claim, figures first, merged across articles (same value, thing, role, stance
 *                 and source give one claim listing all its articles)
 * @param entities the story's named entities with their spelling variants
 * @param groups   claims grouped by counted thing and role; groups whose figures disagree first
 */
public record StoryClaims(List<Claim> claims, List<Entity> entities, List<ClaimGroup> groups) {
    public StoryClaims {
        claims = List.copyOf(claims);
        entities = List.copyOf(entities);
        groups = List.copyOf(groups);
    }

    /** Groups whose figures disagree. */
    public List<ClaimGroup> disagreements() {
        return groups.stream().filter(ClaimGroup::disagree).toList();
    }
}

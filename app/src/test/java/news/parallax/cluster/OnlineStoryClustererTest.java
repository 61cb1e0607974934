package news.parallax.cluster;

import news.parallax.model.JoinReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import org.junit.jupiter.api.Test;

class OnlineStoryClustererTest {
    private static final Instant T0 = Instant.parse("2019-03-04T08:00:00Z");
    private static final ClusterConfig NO_EMBEDDINGS = ClusterConfig.defaults().withEmbeddings(ClusterConfig.EmbeddingUse.NONE);

    private static Article article(String id, String outlet, Instant published, String title, String text) {
        return new Article(id, outlet, null, null, title, published, List.of(), text, "test", "en", Map.of());
    }

    static List<Article> twoEvents() {
        List<Article> a = new ArrayList<>();
        a.add(article("flood-1", "Coast Herald", T0, "Storm floods harbour town of Eastport",
                "Storm Hilda flooded the harbour town of Eastport on Sunday night, forcing 2,300 residents from their homes as "
                        + "the sea wall gave way. Mayor Linda Okafor said the flood was the worst since 1953."));
        a.add(article("chess-1", "Daily Board", T0.plusSeconds(600), "Petrova wins world chess title in Oslo",
                "Anya Petrova won the world chess championship in Oslo on Sunday, beating defending champion Lars Vik in a "
                        + "rapid tiebreak after twelve drawn classical games."));
        a.add(article("flood-2", "National Wire", T0.plusSeconds(3600), "Eastport evacuates 2,300 as Storm Hilda breaches sea wall",
                "Emergency crews evacuated 2,300 people from Eastport after Storm Hilda breached the sea wall. Mayor Okafor "
                        + "called the flood the worst the harbour town had seen since 1953."));
        a.add(article("chess-2", "Sports Today", T0.plusSeconds(7200), "Vik loses chess crown to Petrova after Oslo tiebreak",
                "Lars Vik lost his world chess title to Anya Petrova in Oslo, where the challenger took the rapid tiebreak "
                        + "after twelve classical games ended drawn."));
        a.add(article("flood-3", "Evening Post", T0.plusSeconds(9000), "Sea wall failure blamed as Eastport flood waters rise",
                "Engineers blamed the failure of Eastport's sea wall for the flood that drove 2,300 residents from the harbour town "
                        + "when Storm Hilda struck. Okafor asked for national help."));
        a.add(article("chess-3", "Board Monthly", T0.plusSeconds(10000), "Petrova: Oslo chess title 'a dream'",
                "New world chess champion Anya Petrova said her Oslo win over Lars Vik in the tiebreak was a dream come true."));
        return a;
    }

    private static List<List<String>> groups(Clustering c) {
        return c.groups().stream().map(Clustering.Group::articleIds).toList();
    }

    @Test
    void separatesTwoEventsInOnePass() {
        Clustering c = new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(twoEvents());
        assertThat(groups(c)).containsExactlyInAnyOrder(List.of("flood-1", "flood-2", "flood-3"), List.of("chess-1", "chess-2", "chess-3"));
    }

    @Test
    void withEmbeddingsTheProductClustererSeparatesThemToo() {
        Clustering c = StoryClusterers.standard().cluster(twoEvents());
        assertThat(groups(c)).containsExactlyInAnyOrder(List.of("flood-1", "flood-2", "flood-3"), List.of("chess-1", "chess-2", "chess-3"));
    }

    @Test
    void sameInputSameOrderGivesSameStories() {
        var clusterer = new StandardStoryClusterer(NO_EMBEDDINGS, null);
        assertThat(clusterer.cluster(twoEvents())).isEqualTo(clusterer.cluster(twoEvents()));
    }

    @Test
    void incrementalAddsMatchTheBatchResult() {
        OnlineStoryClusterer online = new OnlineStoryClusterer(NO_EMBEDDINGS, null);
        List<Assignment> assignments = twoEvents().stream().map(online::add).toList();
        assertThat(online.snapshot()).isEqualTo(new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(twoEvents()));
        assertThat(assignments.get(2).storyKey()).isEqualTo("flood-1");
        assertThat(assignments.get(2).newStory()).isFalse();
    }

    @Test
    void incrementalAddsMatchTheBatchResultWithEmbeddings() {
        OnlineStoryClusterer online = StoryClusterers.incremental();
        twoEvents().forEach(online::add);
        assertThat(online.snapshot()).isEqualTo(StoryClusterers.standard().cluster(twoEvents()));
    }

    @Test
    void reclusteringALongerStreamEmbedsOnlyTheNewArticles() {
        StandardStoryClusterer clusterer = StoryClusterers.standard();
        Clustering first = clusterer.cluster(twoEvents().subList(0, 4));
        Clustering again = clusterer.cluster(twoEvents());
        assertThat(clusterer.lastCounters().embeddings()).isEqualTo(2);
        assertThat(again).isEqualTo(StoryClusterers.standard().cluster(twoEvents()));
        assertThat(first.groups()).hasSize(2);
    }

    @Test
    void embeddingTheNextBatchWhileClusteringThisOneGivesTheStoriesOfOneArticleAtATime() {
        // 600 articles span three embedding batches; 240 distinct texts, so later batches find theirs
        // cached or still being embedded for the batch before.
        List<Article> stream = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            int variant = k % 40;
            for (Article a : twoEvents()) {
                stream.add(new Article(a.id() + "-" + k, a.outlet(), null, null, a.title() + " (" + variant + ")",
                        a.published().plus(Duration.ofDays(5L * k)), List.of(), a.text(), "test", "en", Map.of()));
            }
        }
        Embedder model = new MiniLmEmbedder();
        List<String> texts = stream.stream().map(FeatureExtractor::embedText).distinct().toList();
        Map<String, float[]> vectors = new java.util.HashMap<>();
        List<float[]> computed = model.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) vectors.put(texts.get(i), computed.get(i));
        OnlineStoryClusterer oneByOne = new OnlineStoryClusterer(ClusterConfig.defaults(), model);
        for (Article a : stream) oneByOne.add(a, vectors.get(FeatureExtractor.embedText(a)));

        StandardStoryClusterer pipelined = new StandardStoryClusterer(ClusterConfig.defaults(), model);
        Clustering c = pipelined.cluster(stream);
        assertThat(c).isEqualTo(oneByOne.snapshot());
        assertThat(c.groups()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(pipelined.lastCounters().embeddings()).isEqualTo(texts.size()).isEqualTo(240);
    }

    @Test
    void extendContinuesTheStreamAsOneCallWould() {
        StandardStoryClusterer clusterer = new StandardStoryClusterer(NO_EMBEDDINGS, null);
        assertThat(clusterer.extend(twoEvents(), done -> {})).as("no stream before the first cluster call").isEmpty();
        clusterer.cluster(twoEvents().subList(0, 3));
        assertThat(clusterer.extend(twoEvents().subList(3, 6), done -> {}))
                .contains(new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(twoEvents()));
    }

    @Test
    void aFailedExtendLeavesNoStreamToContinue() {
        // A pass may fail after adding part of its articles; continuing that stream would add them twice.
        boolean[] down = {false};
        Embedder flaky = text -> {
            if (down[0]) throw new IllegalStateException("model unavailable");
            float[] v = new float[4];
            v[Math.floorMod(text.hashCode(), 4)] = 1;
            return v;
        };
        StandardStoryClusterer clusterer = new StandardStoryClusterer(ClusterConfig.defaults(), flaky);
        clusterer.cluster(twoEvents().subList(0, 3));
        down[0] = true;
        assertThatThrownBy(() -> clusterer.extend(twoEvents().subList(3, 6), done -> {})).hasMessageContaining("model unavailable");
        down[0] = false;
        assertThat(clusterer.extend(twoEvents().subList(3, 6), done -> {})).isEmpty();
    }

    @Test
    void aStorySpansFromItsEarliestArticleWhateverTheArrivalOrder() {
        var reason = JoinReason.unscored(0, null);
        Story story = new Story(0, "late", T0.plus(Duration.ofDays(5)), true, false);
        story.addCopy(1, "earlier", reason, T0, "late"); // a member that arrives later but was published earlier
        Story before = new Story(1, "before", T0.minus(Duration.ofDays(1)), true, false);
        assertThat(story.gapDays(before)).isEqualTo(1.0);
        assertThat(before.gapDays(story)).isEqualTo(1.0);
    }

    @Test
    void joinReasonNamesSharedTermsAndTheMatchedArticle() {
        Clustering c = new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(twoEvents());
        JoinReason r = c.groups().stream().filter(g -> g.articleIds().contains("flood-2")).findFirst().orElseThrow()
                .reasons().get("flood-2");
        assertThat(r.matchedArticle()).isEqualTo("flood-1");
        assertThat(r.similarity()).isGreaterThan(ClusterConfig.defaults().joinThreshold());
        assertThat(r.threshold()).as("same day: the base threshold").isEqualTo(ClusterConfig.defaults().joinThreshold());
        assertThat(r.terms()).contains("eastport");
        assertThat(r.entities()).isNotEmpty();
    }

    /**
     * A preview published before the coverage it belongs to shares a little with each later report
     * (the players with one, the city and the stakes with another), too little with the first
     * report alone; once the story holds both, its centre matches the preview.
     */
    static List<Article> previewThenCoverage() {
        List<Article> a = new ArrayList<>();
        a.add(article("preview", "Board Monthly", T0, "Petrova and Vik play for the Oslo crown",
                "Anya Petrova and Lars Vik play in Oslo this week, with a prize fund of 2 million euros."));
        a.add(article("report-1", "Daily Board", T0.plus(Duration.ofDays(1)), "Petrova wins on tiebreak after twelve drawn games",
                "Petrova won the rapid tiebreak after twelve drawn classical games, her coach Ivan Sorel said."));
        a.add(article("report-2", "Sports Today", T0.plus(Duration.ofDays(1)).plusSeconds(600), "Petrova takes Oslo title on tiebreak after twelve drawn games",
                "Petrova won the rapid tiebreak after twelve drawn classical games to take the world title in Oslo and the prize "
                        + "fund of 2 million euros."));
        return a;
    }

    @Test
    void anArticleThatCameBeforeItsStoryJoinsItLate() {
        ClusterConfig without = NO_EMBEDDINGS.withLateJoins(false);
        assertThat(groups(new StandardStoryClusterer(without, null).cluster(previewThenCoverage())))
                .as("without late joins the preview stays alone").contains(List.of("preview"));

        Clustering c = new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(previewThenCoverage());
        assertThat(groups(c)).containsExactly(List.of("preview", "report-1", "report-2"));
        JoinReason late = c.groups().getFirst().reasons().get("preview");
        assertThat(late.similarity()).isGreaterThanOrEqualTo(NO_EMBEDDINGS.joinThreshold());
        assertThat(late.terms()).isNotEmpty();
        assertThat(late.entities()).contains("Petrova");
    }

    @Test
    void anUndatedLoneArticleMeetsTheHighestThresholdToJoinLate() {
        List<Article> a = new ArrayList<>(previewThenCoverage());
        Article preview = a.removeFirst();
        // Undated: it stands at the stream clock, which an earlier, unrelated article sets.
        a.addFirst(new Article(preview.id(), preview.outlet(), null, null, preview.title(), null, List.of(), preview.text(), "test", "en", Map.of()));
        a.addFirst(twoEvents().get(0));
        Clustering c = new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(a);
        assertThat(groups(c)).contains(List.of("preview"));
    }

    @Test
    void lateJoinsDoNotPullInAnUnrelatedLoneArticle() {
        List<Article> a = new ArrayList<>(twoEvents());
        a.addFirst(article("lone", "Garden Weekly", T0.minusSeconds(3600), "Tulip season opens early in Eastport gardens",
                "Gardeners in Eastport reported the earliest tulips in years as a mild winter ended."));
        Clustering c = new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(a);
        assertThat(groups(c)).contains(List.of("lone"));
    }

    @Test
    void sameEventAfterTheQuietPeriodStartsANewStory() {
        List<Article> a = new ArrayList<>(twoEvents().subList(0, 1));
        Article later = twoEvents().get(2);
        a.add(article("flood-late", later.outlet(), T0.plus(ClusterConfig.defaults().quietPeriod()).plus(Duration.ofDays(1)), later.title(),
                later.text()));
        Clustering c = new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(a);
        assertThat(c.groups()).hasSize(2);
    }

    /** A saga covered every day (so no gap penalty): the dock strike in Port Calder, days 0-8. */
    private static List<Article> dailySaga() {
        String[] days = {
            "Dockworkers walk out at Port Calder over pay|About 3,000 dockworkers walked out at Port Calder on Monday, halting container traffic after pay talks with the harbour board collapsed.",
            "Port Calder strike strands 40 ships|Forty container ships waited off Port Calder as the dockworkers' strike over pay entered its second day and the harbour board refused new talks.",
            "Harbour board rejects Port Calder union offer|The Port Calder harbour board rejected the dockworkers' union offer, extending a strike over pay that has stopped container traffic.",
            "Shops warn of shortages as Port Calder strike drags on|Retailers warned of shortages as the strike by 3,000 Port Calder dockworkers over pay went into a fourth day.",
            "Mediator named in Port Calder dock strike|A government mediator was named to end the Port Calder dockworkers' strike over pay, now in its fifth day.",
            "Port Calder talks resume under mediator|The harbour board and the dockworkers' union resumed pay talks under the mediator as the Port Calder strike continued.",
            "Port Calder strike: union softens pay demand|The union representing 3,000 Port Calder dockworkers softened its pay demand at talks with the harbour board.",
            "Container backlog grows at Port Calder|The backlog of containers at Port Calder grew as the dockworkers' strike over pay reached its eighth day.",
            "Port Calder strike enters ninth day|The strike by Port Calder dockworkers over pay entered its ninth day with talks stalled."};
        List<Article> a = new ArrayList<>();
        for (int d = 0; d < days.length; d++) {
            String[] tt = days[d].split("\\|");
            a.add(article("saga-" + d, "Outlet " + d, T0.plus(Duration.ofDays(d)), tt[0], tt[1]));
        }
        return a;
    }

    private static Article nextEvent(Instant published) {
        return article("vote", "Harbour News", published, "Port Calder union calls ballot on contract",
                "Members of the union will decide by Friday whether to accept the contract reached overnight, organisers said.");
    }

    private static boolean joinsTheSaga(ClusterConfig config, List<Article> stream) {
        Clustering c = new StandardStoryClusterer(config, null).cluster(stream);
        return c.groups().stream().anyMatch(g -> g.articleIds().contains("vote") && g.articleIds().contains("saga-0"));
    }

    @Test
    void aStoryRunningPastItsAgeGraceNeedsAStrongerMatch() {
        ClusterConfig noAge = NO_EMBEDDINGS.withAge(0, 0);
        ClusterConfig steep = NO_EMBEDDINGS.withAge(3, 0.2); // capped at maxPenalty: +0.20 from day 4
        List<Article> late = new ArrayList<>(dailySaga());
        late.add(nextEvent(T0.plus(Duration.ofDays(9))));
        Clustering without = new StandardStoryClusterer(noAge, null).cluster(late);
        double similarity = without.groups().stream().filter(g -> g.articleIds().contains("vote")).findFirst().orElseThrow()
                .reasons().get("vote").similarity();
        // The test is only meaningful when the match clears the base threshold but not the raised one.
        assertThat(similarity).isBetween(noAge.joinThreshold(), noAge.joinThreshold() + noAge.maxPenalty());
        assertThat(joinsTheSaga(noAge, late)).isTrue();
        Clustering withAge = new StandardStoryClusterer(NO_EMBEDDINGS.withAge(3, 0.001), null).cluster(late);
        double raised = withAge.groups().stream().filter(g -> g.articleIds().contains("vote")).findFirst().orElseThrow()
                .reasons().get("vote").threshold();
        assertThat(raised).as("the reason names the raised bar it cleared: 6 days past the grace at 0.001")
                .isCloseTo(noAge.joinThreshold() + 0.006, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(joinsTheSaga(steep, late)).isFalse();

        // The same report on day 2, inside the age grace, joins under the steep setting too.
        List<Article> early = new ArrayList<>(dailySaga().subList(0, 3));
        early.add(nextEvent(T0.plus(Duration.ofDays(2)).plusSeconds(60)));
        assertThat(joinsTheSaga(steep, early)).isTrue();
    }

    /**
     * The saga's next event on day 9 stays alone under a steep age raise; a saga report of the same hour that names it then
     * grows the story toward it. As a late join it must clear the raise it met when it came, not the bare threshold.
     */
    @Test
    void aLoneArticleTheAgeRaiseKeptOutDoesNotJoinLateWithoutIt() {
        ClusterConfig steep = NO_EMBEDDINGS.withAge(3, 0.2).withAgedGrowth(true);
        List<Article> s = new ArrayList<>(dailySaga());
        s.add(nextEvent(T0.plus(Duration.ofDays(9))));
        s.add(article("saga-9", "Outlet 9", T0.plus(Duration.ofDays(9)).plusSeconds(600), "Port Calder dock strike over pay enters tenth day",
                "The Port Calder dockworkers' strike over pay entered its tenth day as the harbour board and the union of 3,000 "
                        + "dockworkers stayed apart; container traffic is still halted and the union will ballot members on a contract."));
        Clustering before = new StandardStoryClusterer(steep.withAgedGrowth(false), null).cluster(s);
        assertThat(groupOf(before, "saga-9").articleIds()).as("the saga report itself joins the saga").contains("saga-0");
        assertThat(joinsTheSaga(steep.withAgedGrowth(false), s)).as("without the rule it comes in late, past the raise").isTrue();
        assertThat(joinsTheSaga(steep, s)).isFalse();
        Clustering after = new StandardStoryClusterer(steep, null).cluster(s);
        assertThat(groupOf(after, "saga-9").articleIds()).contains("saga-0");
        assertThat(groupOf(after, "vote").articleIds()).containsExactly("vote");
    }

    /** One official's testimony, then days later another's on the same affair: the leads share every name, the titles do not. */
    private static List<Article> twoTestimonies(String laterTitle) {
        List<Article> a = new ArrayList<>();
        a.add(article("m-1", "Capital Wire", T0, "Marwick to testify on harbour contracts",
                "Former harbour commissioner Ilse Marwick will testify on Thursday before the Senate Ports Committee about the Calder "
                        + "harbour contracts, which Deputy Minister Owen Tarrant approved."));
        a.add(article("m-2", "Evening Post", T0.plusSeconds(3600), "Marwick says she was pressed over harbour contracts",
                "Ilse Marwick told the Senate Ports Committee that Deputy Minister Owen Tarrant pressed her to approve the Calder "
                        + "harbour contracts before the tender closed."));
        a.add(article("m-3", "Daily Ledger", T0.plusSeconds(7200), "Five takeaways from Marwick's testimony",
                "Ilse Marwick's testimony to the Senate Ports Committee left Deputy Minister Owen Tarrant facing questions over the "
                        + "Calder harbour contracts and the tender."));
        a.add(article("later", "Capital Wire", T0.plus(Duration.ofDays(1)), laterTitle,
                "Deputy Minister Owen Tarrant told the Senate Ports Committee that Ilse Marwick's account of the Calder harbour "
                        + "contracts and the tender was false."));
        return a;
    }

    private static Clustering.Group groupOf(Clustering c, String id) {
        return c.groups().stream().filter(g -> g.articleIds().contains(id)).findFirst().orElseThrow();
    }

    @Test
    void anArticleWhoseTitleNamesAnotherSubjectThanTheStorysNeedsAStrongerMatch() {
        ClusterConfig off = NO_EMBEDDINGS.withSubjectPenalty(0);
        Clustering without = new StandardStoryClusterer(off, null).cluster(twoTestimonies("Tarrant Calls Harbour Contract Claims A Lie"));
        Clustering.Group saga = groupOf(without, "later");
        assertThat(saga.articleIds()).as("without the subject signal the leads carry it in").contains("m-1");
        double similarity = saga.reasons().get("later").similarity();
        assertThat(similarity).isGreaterThan(off.joinThreshold());

        // A raise just above the margin it cleared: the Title Case title still names its subject (its lead writes "Tarrant"
        // as a name, "harbour" and "contract" not), which is not the one all three titles of the story name.
        ClusterConfig raised = NO_EMBEDDINGS.withSubjectPenalty(similarity - off.joinThreshold() + 0.01);
        Clustering with = new StandardStoryClusterer(raised, null).cluster(twoTestimonies("Tarrant Calls Harbour Contract Claims A Lie"));
        assertThat(groupOf(with, "later").articleIds()).containsExactly("later");
        assertThat(groupOf(with, "m-1").articleIds()).containsExactly("m-1", "m-2", "m-3");

        // The same report titled after the story's subject is not raised: it joins as before.
        Clustering same = new StandardStoryClusterer(raised, null).cluster(twoTestimonies("Marwick Account Called A Lie"));
        assertThat(groupOf(same, "later").articleIds()).contains("m-1");
        // A title naming no one the lead names says nothing either way.
        Clustering none = new StandardStoryClusterer(raised, null).cluster(twoTestimonies("Harbour contract claims called a lie"));
        assertThat(groupOf(none, "later").articleIds()).contains("m-1");
    }

    @Test
    void syndicatedCopyJoinsUnderItsOriginalAndCountsOnce() {
        List<Article> a = new ArrayList<>(twoEvents());
        Article orig = a.get(0);
        String longText = (orig.text() + " ").repeat(1) + "Residents of the low-lying streets near the old fish market were "
                + "the first to leave, carrying what they could as water rose above the quay and the lifeboat station closed its "
                + "doors for the first time in living memory, according to the harbour master.";
        a.set(0, orig.withText(longText));
        a.add(article("flood-copy", "Reposting Site", T0.plusSeconds(20000), "Eastport flood: thousands leave homes", longText));
        Clustering c = new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(a);
        Clustering.Group flood = c.groups().stream().filter(g -> g.articleIds().contains("flood-1")).findFirst().orElseThrow();
        assertThat(flood.articleIds()).contains("flood-copy");
        assertThat(flood.copyOf()).containsEntry("flood-copy", "flood-1");
    }

    @Test
    void extendChangedListsOnlyTheStoriesThePassTouched() {
        StandardStoryClusterer clusterer = new StandardStoryClusterer(NO_EMBEDDINGS, null);
        clusterer.cluster(twoEvents().subList(0, 4));
        Clustering changed = clusterer.extendChanged(twoEvents().subList(4, 5), done -> {}).orElseThrow();
        assertThat(groups(changed)).containsExactly(List.of("flood-1", "flood-2", "flood-3"));
        assertThat(clusterer.extendChanged(List.of(), done -> {}).orElseThrow().groups()).as("nothing added, nothing changed").isEmpty();
    }

    @Test
    void aLateJoinListsTheSurvivorAndNotTheStoryMergedAway() {
        StandardStoryClusterer clusterer = new StandardStoryClusterer(NO_EMBEDDINGS, null);
        assertThat(groups(clusterer.cluster(previewThenCoverage().subList(0, 2)))).containsExactly(List.of("preview"), List.of("report-1"));
        Clustering changed = clusterer.extendChanged(previewThenCoverage().subList(2, 3), done -> {}).orElseThrow();
        assertThat(groups(changed)).containsExactly(List.of("preview", "report-1", "report-2"));
    }

    /**
     * A closed story's centres are released; a syndicated copy of one of its articles still joins it
     * (a copy only adds a member), and the stream goes on scoring the open stories.
     */
    @Test
    void aCopyJoinsItsClosedStoryWhoseCentresAreReleased() {
        List<Article> a = new ArrayList<>(twoEvents().subList(0, 1));
        Article orig = a.get(0);
        String longText = orig.text() + " Residents of the low-lying streets near the old fish market were the first to leave, "
                + "carrying what they could as water rose above the quay and the lifeboat station closed its doors for the first "
                + "time in living memory, according to the harbour master.";
        a.set(0, orig.withText(longText));
        Instant quiet = T0.plus(ClusterConfig.defaults().quietPeriod());
        Article later = twoEvents().get(2);
        // The follow-up finds the flood story quiet: it closes (and is released), and the follow-up starts a story.
        a.add(article("flood-late", later.outlet(), quiet.plusSeconds(3600), later.title(), later.text()));
        a.add(article("flood-copy", "Reposting Site", quiet.plusSeconds(7200), "Eastport flood: thousands leave homes", longText));
        Article third = twoEvents().get(4);
        a.add(article("flood-late-2", third.outlet(), quiet.plusSeconds(9000), third.title(), third.text()));
        StandardStoryClusterer clusterer = new StandardStoryClusterer(NO_EMBEDDINGS, null);
        Clustering c = clusterer.cluster(a);
        assertThat(groups(c)).containsExactly(List.of("flood-1", "flood-copy"), List.of("flood-late", "flood-late-2"));
        assertThat(c.groups().getFirst().copyOf()).containsEntry("flood-copy", "flood-1");
        assertThat(clusterer.lastCounters().copies()).isEqualTo(1);
    }

    /**
     * A column that names its event only after a long general preamble: its title and lead share nothing
     * with the flood reports, its body does. The stream goes on past its quiet period (an unrelated
     * article four days and more later), when it gets the whole-body look.
     */
    private static List<Article> floodColumnStream(String columnBody) {
        return floodColumnStream("The Stories We Tell Ourselves About Safety", "", columnBody);
    }

    private static List<Article> floodColumnStream(String columnTitle, String columnOpening, String columnBody) {
        List<Article> a = new ArrayList<>(twoEvents());
        // About 440 words: past the lead (300 words, 2,100 characters), inside the 500 body words the rescue reads.
        String preamble = String.join(" ", java.util.Collections.nCopies(8,
                "Every generation believes it can outwit the water, and every generation learns otherwise at some cost. "
                        + "We pave the marshes, we straighten the rivers, we write reassuring reports and then we move on. "
                        + "Budgets favour ribbons over maintenance, and nobody wins an election by mending what is not yet broken."));
        a.add(article("column", "Opinion Review", T0.plusSeconds(12_000), columnTitle, columnOpening + preamble + " " + columnBody));
        a.add(article("much-later", "Garden Weekly", T0.plus(ClusterConfig.defaults().quietPeriod()).plus(Duration.ofDays(1)),
                "Tulip season opens early", "Gardeners reported the earliest tulips in years as a mild winter ended."));
        return a;
    }

    private static final String FLOOD_BODY = "So it was in Eastport, where Storm Hilda breached the sea wall and flooded the harbour town, "
            + "driving 2,300 residents from their homes. Mayor Linda Okafor called it the worst flood since 1953; the sea wall "
            + "had been patched, never rebuilt, and the harbour town paid for it.";

    @Test
    void aLoneColumnJoinsTheStoryItsWholeBodyNamesWhenItsQuietPeriodEnds() {
        ClusterConfig off = NO_EMBEDDINGS.withRescue(false, NO_EMBEDDINGS.rescueMargin());
        assertThat(groups(new StandardStoryClusterer(off, null).cluster(floodColumnStream(FLOOD_BODY))))
                .as("title and lead alone leave the column alone").contains(List.of("column"));

        StandardStoryClusterer clusterer = new StandardStoryClusterer(NO_EMBEDDINGS, null);
        Clustering c = clusterer.cluster(floodColumnStream(FLOOD_BODY));
        assertThat(groups(c)).contains(List.of("flood-1", "flood-2", "flood-3", "column"), List.of("much-later"));
        assertThat(clusterer.lastCounters().rescues()).isEqualTo(1);
        JoinReason r = c.groups().getFirst().reasons().get("column");
        assertThat(r.entities()).contains("Eastport");
        assertThat(r.similarity()).isGreaterThanOrEqualTo(r.threshold());
    }

    @Test
    void aLoneColumnStaysAloneUntilItsQuietPeriodEnds() {
        List<Article> a = floodColumnStream(FLOOD_BODY);
        a.removeLast();
        assertThat(groups(new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(a))).contains(List.of("column"));
    }

    @Test
    void aColumnTitledAfterSomeoneTheStoryIsNotAboutNeedsALargerLeadToBeRescued() {
        // The story's titles all name Eastport; the column's title names only Tarrant, whom its opening
        // writes as a name: the whole body, where neighbouring events are named too, must lead by more.
        List<Article> stream = floodColumnStream("Tarrant Was Right All Along",
                "Councillor Tarrant, who follows the world chess title as closely as the tides, warned the town for years. ", FLOOD_BODY);
        ClusterConfig noSubjects = NO_EMBEDDINGS.withSubjectPenalty(0);
        Clustering without = new StandardStoryClusterer(noSubjects, null).cluster(stream);
        JoinReason r = without.groups().getFirst().reasons().get("column");
        assertThat(r).as("rescued when title subjects are off").isNotNull();
        double lead = r.similarity() - (r.threshold() - noSubjects.rescueMargin());
        assertThat(lead).as("the column's lead over the second-best story").isBetween(noSubjects.rescueMargin(),
                noSubjects.rescueMargin() + OnlineStoryClusterer.RESCUE_SUBJECT_MARGIN);

        assertThat(groups(new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(stream))).contains(List.of("column"));
        // Titled after the story's own subject, the same column is rescued at the plain lead.
        List<Article> own = floodColumnStream("Eastport Was Warned", "Councillor Tarrant warned Eastport for years. ", FLOOD_BODY);
        assertThat(groups(new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(own))).contains(List.of("flood-1", "flood-2", "flood-3", "column"));
    }

    @Test
    void aColumnAboutTwoStoriesAlikeIsNotRescued() {
        String both = "So it was in Eastport, where Storm Hilda breached the sea wall, and so it was in Oslo, where Anya Petrova "
                + "took the world chess title from Lars Vik in a rapid tiebreak after twelve drawn games.";
        assertThat(groups(new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(floodColumnStream(both)))).contains(List.of("column"));
    }

    @Test
    void rescuesGiveTheSameStoriesAddedOneByOne() {
        OnlineStoryClusterer online = new OnlineStoryClusterer(NO_EMBEDDINGS, null);
        floodColumnStream(FLOOD_BODY).forEach(online::add);
        assertThat(online.snapshot()).isEqualTo(new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(floodColumnStream(FLOOD_BODY)));
        assertThat(online.storyKeyOf("column")).contains("flood-1");
    }
}

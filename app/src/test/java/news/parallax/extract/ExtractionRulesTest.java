package news.parallax.extract;

import static news.parallax.extract.Pages.P1;
import static news.parallax.extract.Pages.P2;
import static news.parallax.extract.Pages.P3;
import static news.parallax.extract.Pages.P4;
import static news.parallax.extract.Pages.article;
import static news.parallax.extract.Pages.extract;
import static news.parallax.extract.Pages.nav;
import static news.parallax.extract.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** One small hand-written page per extraction rule. */
class ExtractionRulesTest {

    // ---- declared metadata ----

    @Test
    void jsonLdNewsArticleGivesTitleAuthorsAndDate() throws Exception {
        String head = "<title>Tram | Example News</title><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example News\"},{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Council approves tram extension\",\"datePublished\":\"2024-05-03T10:15:00+02:00\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Roe\"},{\"@type\":\"Person\",\"name\":\"John Doe\"}],"
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example News\"}}]}</script>";
        ExtractedPage p = extract(page(head, article(P1, P2, P3)));
        assertThat(p.title()).isEqualTo("Council approves tram extension");
        assertThat(p.authors()).containsExactly("Jane Roe", "John Doe");
        assertThat(p.published()).isEqualTo(OffsetDateTime.of(2024, 5, 3, 10, 15, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(p.outlet()).isEqualTo("Example News");
    }

    @Test
    void openGraphAndMetaTagsWhenThereIsNoJsonLd() throws Exception {
        String head = "<meta property=\"og:title\" content=\"Council approves tram extension\">"
                + "<meta property=\"og:site_name\" content=\"The Example Times\">"
                + "<meta property=\"article:published_time\" content=\"2024-05-03T08:00:00Z\">"
                + "<meta name=\"author\" content=\"By Jane Roe and John Doe\">";
        ExtractedPage p = extract(page(head, article(P1, P2, P3)));
        assertThat(p.title()).isEqualTo("Council approves tram extension");
        assertThat(p.authors()).containsExactly("Jane Roe", "John Doe");
        assertThat(p.published().toLocalDate()).isEqualTo(LocalDate.of(2024, 5, 3));
        assertThat(p.outlet()).isEqualTo("The Example Times");
    }

    @Test
    void timeElementGivesTheDateWhenNothingIsDeclared() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><time datetime=\"2023-11-20T07:30:00-05:00\">Nov 20</time>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        ExtractedPage p = extract(page("", body));
        assertThat(p.published()).isEqualTo(OffsetDateTime.of(2023, 11, 20, 7, 30, 0, 0, ZoneOffset.ofHours(-5)));
    }

    @Test
    void visibleDateTextIsTheLastResort() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><div class=\"article-date\">Published 28.04.2023, 14:05</div>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        ExtractedPage p = HtmlExtractors.standard().extract(Pages.utf8(page("", body)), "saved/page.html", null);
        assertThat(p.published().toLocalDate()).isEqualTo(LocalDate.of(2023, 4, 28));
    }

    @Test
    void dateInTheUrlWhenThePageSaysNothing() throws Exception {
        ExtractedPage p = extract(page("", article(P1, P2, P3)));
        assertThat(p.published().toLocalDate()).isEqualTo(LocalDate.of(2024, 5, 3));
    }

    @Test
    void conflictingDatesAreSettledByTheVisibleTimeElement() throws Exception {
        String head = "<meta property=\"article:published_time\" content=\"2020-01-01T00:00:00Z\">"
                + "<meta name=\"date\" content=\"2024-02-10T09:00:00Z\">";
        String body = "<article><h1>Council approves tram extension</h1><time datetime=\"2024-02-10T09:00:00Z\">10 Feb</time>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        ExtractedPage p = extract(page(head, body));
        assertThat(p.published().toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 10));
    }

    @Test
    void canonicalUrlAndDomain() throws Exception {
        String head = "<link rel=\"canonical\" href=\"/news/tram-extension\">";
        ExtractedPage p = HtmlExtractors.standard().extract(Pages.utf8(page(head, article(P1, P2, P3))),
                "https://www.example.org/amp/tram?utm=x", null);
        assertThat(p.canonicalUrl()).isEqualTo("https://www.example.org/news/tram-extension");
        assertThat(p.domain()).isEqualTo("example.org");
        assertThat(p.outlet()).isEqualTo("example.org");
    }

    // ---- title ----

    @Test
    void titleIsTheH1ThatAgreesWithTheDeclaredHeadline() throws Exception {
        String head = "<title>Council approves tram extension - Example News</title>";
        ExtractedPage p = extract(page(head, "<h1>Weather</h1>" + article(P1, P2, P3)));
        assertThat(p.title()).isEqualTo("Council approves tram extension");
    }

    @Test
    void declaredSpellingWinsWhenTheH1LosesSeparators() throws Exception {
        String head = "<meta property=\"og:title\" content=\"Transport: Council approves tram extension\">";
        String body = "<article><h1><span>Transport</span><span>Council approves tram extension</span></h1><p>" + P1
                + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page(head, body)).title()).isEqualTo("Transport: Council approves tram extension");
    }

    @Test
    void printedHeadlineWithoutKickerWinsOverABreadcrumbH1() throws Exception {
        // The h1 is a breadcrumb repeating the SEO headline; the printed heading is kicker over headline, and
        // og:title names the printed headline alone.
        String head = "<meta property=\"og:title\" content=\"Council approves tram extension\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"City transport: Trams get longer\"}</script>";
        String body = "<ol class=\"crumbs\"><li><a href=\"/\">Home</a></li><li><h1>City transport: Trams get longer</h1></li></ol>"
                + "<article><h2><span class=\"kicker\">Transport</span><span>Council approves tram extension</span></h2><p>" + P1
                + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page(head, body)).title()).isEqualTo("Council approves tram extension");
    }

    @Test
    void kickerIsKeptWhenTheDeclarationPrintsItWithTheHeadline() throws Exception {
        String head = "<meta property=\"og:title\" content=\"Transport: Council approves tram extension\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Trams get longer\"}</script>";
        String body = "<h1>Trams get longer</h1><article><h2><span>Transport</span> <span>Council approves tram extension</span></h2><p>"
                + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page(head, body)).title()).isEqualTo("Transport: Council approves tram extension");
    }

    @Test
    void headlineIsWhatPageAndDeclarationAgreeOnWhenTheirKickersDiffer() throws Exception {
        String head = "<meta property=\"og:title\" content=\"Growing city: Council approves tram extension\">";
        String body = "<article><h1><span>Transport</span><span aria-hidden=\"true\"> - </span>"
                + "<span>Council approves tram extension</span></h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page(head, body)).title()).isEqualTo("Council approves tram extension");
    }

    @Test
    void aHeadlineThatMerelyEndsLikeThePrintedOneIsNotAKickerVariant() throws Exception {
        // "The council approves ..." ends with the printed words but has no separator: no kicker to drop.
        String head = "<meta property=\"og:title\" content=\"Now the council approves the tram extension\">";
        String body = "<h1>Now the council approves the tram extension</h1><article><h2><span>Transport</span>"
                + "<span>The council approves the tram extension</span></h2><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page(head, body)).title()).isEqualTo("Now the council approves the tram extension");
    }

    @Test
    void affixAfterTheH1InADeclaredHeadlineIsDropped() throws Exception {
        // No og:site_name to recognise the affix by: the h1 followed by a separator is enough.
        String head = "<meta property=\"og:title\" content=\"Council approves tram extension - The Valley Paper\">";
        String body = "<article><h1>Council approves tram extension</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page(head, body)).title()).isEqualTo("Council approves tram extension");
    }

    @Test
    void authorPageLinksUnderTheHeadlineAreTheBylineWhenNothingElseNamesAPerson() throws Exception {
        String head = "<meta property=\"og:site_name\" content=\"Valley Paper\"><meta name=\"author\" content=\"Valley Paper\">";
        String body = "<header><a href=\"/authors/top-columnist\">Top Columnist</a></header>"
                + "<article><h1>Council approves tram extension</h1><p class=\"meta\">von <a href=\"/autoren/name/jane-roe\">Jane Roe</a>"
                + " und <a href=\"/autoren/name/john-doe\">John Doe</a></p><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>"
                + "<div><a href=\"/autoren/name/other-writer\">Other Writer</a></div></article>";
        assertThat(extract(page(head, body)).authors()).containsExactly("Jane Roe", "John Doe");
    }

    @Test
    void boldNameLineBesideTheProseIsTheBylineWhenNothingElseNamesAPerson() throws Exception {
        String head = "<meta property=\"og:site_name\" content=\"Valley Paper\"><meta name=\"author\" content=\"Valley Paper\">";
        String body = "<article><h1>Council approves tram extension</h1><div class=\"entry\"><p><strong>Jane Roe/John Doe</strong></p>"
                + "<p>" + P1 + "</p><p><strong>Next Steps Ahead</strong></p><p>" + P2 + "</p><p>" + P3 + "</p></div></article>";
        ExtractedPage p = extract(page(head, body));
        assertThat(p.authors()).containsExactly("Jane Roe", "John Doe");
        assertThat(p.text()).doesNotContain("Jane Roe");
    }

    @Test
    void boldSubheadInsideTheTextIsNotABylineLine() throws Exception {
        // Not the first bold line of its parent, not the last paragraph: a subhead, though its words are capitalised.
        String head = "<meta property=\"og:site_name\" content=\"Valley Paper\">";
        String body = "<article><h1>Council approves tram extension</h1><div class=\"entry\"><p>" + P1
                + "</p><p><b>Background</b></p><p>" + P2 + "</p><p><strong>Next Steps Ahead</strong></p><p>" + P3 + "</p></div></article>";
        assertThat(extract(page(head, body)).authors()).isEmpty();
    }

    @Test
    void headingMarkedAsHeadlineByMicrodataLeadsTheH1s() throws Exception {
        String head = "<meta property=\"og:title\" content=\"Council approves tram extension\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Trams get longer\"}</script>";
        String body = "<div class=\"trail\"><a href=\"/\">Home</a> <h1>Trams get longer</h1></div>"
                + "<article><h2 itemprop=\"headline\">Council approves tram extension</h2><p>" + P1 + "</p><p>" + P2
                + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page(head, body)).title()).isEqualTo("Council approves tram extension");
    }

    @Test
    void metaHeadlineIsTheBareHeadlineWhereOtherDeclarationsCarrySectionAndSite() throws Exception {
        // No printed h1 to compare with; og:title and the title tag append section and site without spaces.
        String head = "<title>Council approves tram extension-Politics\u3163Example News</title>"
                + "<meta property=\"og:title\" content=\"Council approves tram extension-Politics\u3163Example News\">"
                + "<meta name=\"headline\" content=\"Council approves tram extension\">";
        String body = "<div class=\"story\"><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div>";
        assertThat(extract(page(head, body)).title()).isEqualTo("Council approves tram extension");
    }

    @Test
    void siteNameIsStrippedFromTheTitleTag() {
        assertThat(DefaultHtmlExtractor.stripSiteName("Council approves tram | Example News", "Example News"))
                .isEqualTo("Council approves tram");
        assertThat(DefaultHtmlExtractor.stripSiteName("Council approves tram extension - EN", null))
                .isEqualTo("Council approves tram extension");
    }

    // ---- authors ----

    @Test
    void authorSourceThatAgreesWithTheVisibleBylineWins() throws Exception {
        // JSON-LD names the desk; the meta tag names the reporter printed in the byline.
        String head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Council approves tram extension\","
                + "\"author\":{\"@type\":\"Organization\",\"name\":\"Metro Desk\"}}</script><meta name=\"author\" content=\"Jane Roe\">";
        String body = "<article><h1>Council approves tram extension</h1><div class=\"byline\">By Jane Roe</div><p>" + P1
                + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page(head, body)).authors()).containsExactly("Jane Roe");
    }

    @Test
    void bylineMarkupWhenNothingIsDeclared() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><span class=\"author-name\">Von Erika Mustermann</span><p>" + P1
                + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page("", body)).authors()).containsExactly("Erika Mustermann");
    }

    @Test
    void agencyCreditedBesideTheWriterIsAnAuthorButTheOutletIsNot() throws Exception {
        String head = "<meta property=\"og:site_name\" content=\"Example News\"><script type=\"application/ld+json\">"
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Council approves tram extension\",\"author\":["
                + "{\"@type\":\"Person\",\"name\":\"Jane Roe\"},{\"@type\":\"Organization\",\"name\":\"Example Press Agency\"},"
                + "{\"@type\":\"Organization\",\"name\":\"Example News\"}]}</script>";
        assertThat(extract(page(head, article(P1, P2, P3))).authors()).containsExactly("Jane Roe", "Example Press Agency");
    }

    @Test
    void bylineInsideATeaserLinkBelongsToTheOtherArticle() throws Exception {
        // The declared writer is not printed; a card linking to another article below prints its own byline.
        String head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Council approves tram extension\","
                + "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Roe\"}}</script>";
        String body = article(P1, P2, P3) + "<section><article class=\"card\"><a href=\"/2024/05/02/buses\"><h3>Bus fares rise again in May</h3>"
                + "<span class=\"card__author\">John Doe</span></a></article></section>";
        assertThat(extract(page(head, body)).authors()).containsExactly("Jane Roe");
    }

    @Test
    void bylineIntroducedByByWinsOverABrandLabelInTheBylineBox() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><div class=\"byline\"><span class=\"byline__brand\">Weekly</span>"
                + "<span class=\"byline__name\">By Jane Roe</span></div><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page("", body)).authors()).containsExactly("Jane Roe");
    }

    @Test
    void nameThePagePrintsOnlyAsEditorIsNotTheWriter() throws Exception {
        String head = "<meta name=\"author\" content=\"Jane Roe\">";
        String body = "<article><h1>Council approves tram extension</h1><div class=\"author\">John Doe</div><p>" + P1 + "</p><p>" + P2
                + "</p><p>" + P3 + "</p><div class=\"credits\">Editor: Jane Roe</div></article>";
        assertThat(extract(page(head, body)).authors()).containsExactly("John Doe");
    }

    @Test
    void deskAbbreviationRedIsNoName() throws Exception {
        // "red" abbreviates Redaktion (the desk); with no person named, the outlet JSON-LD names is the author.
        String head = "<meta property=\"og:site_name\" content=\"Example News\"><script type=\"application/ld+json\">"
                + "{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\",\"name\":\"Example News\"}}</script>";
        String body = "<article><h1>Council approves tram extension</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3
                + "</p><div class=\"byline\">red, Example News/Agencies</div></article>";
        assertThat(extract(page(head, body)).authors()).containsExactly("Example News");
    }

    @Test
    void labelledCreditLineIsNoName() throws Exception {
        // "Quelle: ..." (source) is a label and its value, not a person's name.
        String head = "<meta name=\"author\" content=\"Jane Roe\">";
        String body = "<article><h1>Council approves tram extension</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3
                + "</p><div class=\"article-author\">Quelle: Example Agency</div></article>";
        assertThat(extract(page(head, body)).authors()).containsExactly("Jane Roe");
    }

    @Test
    void declaredNameCountsAsPrintedWhenTheBylineDropsTheMiddleName() throws Exception {
        String head = "<meta name=\"author\" content=\"Jane Mary Roe\">";
        String body = "<article><h1>Council approves tram extension</h1><div class=\"byline\">By Jane Roe</div><p>" + P1 + "</p><p>" + P2
                + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page(head, body)).authors()).containsExactly("Jane Mary Roe");
    }

    @Test
    void camelCaseBylineClassIsRead() throws Exception {
        // The byline's class is camel case; a related-articles box further down names another writer.
        String body = "<article><h1>Council approves tram extension</h1><ul class=\"metaInfoAuthorList\"><li>Erika Mustermann</li></ul><p>"
                + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article><div class=\"more\"><a href=\"/other\">"
                + "<span class=\"teaser__author\">John Doe</span> Other story</a></div>";
        assertThat(extract(page("", body)).authors()).containsExactly("Erika Mustermann");
    }

    @Test
    void aPersonBeatsTheOutletNamedAsAuthor() throws Exception {
        String head = "<meta property=\"og:site_name\" content=\"Example News\"><script type=\"application/ld+json\">"
                + "{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\",\"name\":\"Example News\"}}</script>"
                + "<meta name=\"author\" content=\"Example News\">";
        String body = "<article><h1>Council approves tram extension</h1><span class=\"byline\">By Jane Roe</span><p>" + P1
                + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        assertThat(extract(page(head, body)).authors()).containsExactly("Jane Roe");
        // With no person named anywhere, the outlet is what the page declares, and it is kept.
        assertThat(extract(page(head, article(P1, P2, P3))).authors()).containsExactly("Example News");
    }

    @Test
    void seoPluginWrittenByPairNamesTheAuthor() throws Exception {
        String head = "<meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Jane Roe\">";
        assertThat(extract(page(head, article(P1, P2, P3))).authors()).containsExactly("Jane Roe");
    }

    @Test
    void commentAuthorsAndAuthorListsAreNotBylines() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>"
                + "<div class=\"author-list\">Anna Berg, Ben Cole, Cara Diaz, Dan Eck, Eva Fox</div>"
                + "<section class=\"comments\"><div itemprop=\"author\">greenreader42</div><p>Great news for the suburbs.</p></section>"
                + "<div class=\"byline\">Jane Roe</div>";
        assertThat(extract(page("", body)).authors()).containsExactly("Jane Roe");
    }

    @Test
    void authorStringsAreSplitAndCleaned() {
        assertThat(Authors.split("By Jane Roe, John Doe and Max Mustermann")).containsExactly("Jane Roe", "John Doe", "Max Mustermann");
        assertThat(Authors.split("Elena Oberholzer (obe)")).containsExactly("Elena Oberholzer");
        assertThat(Authors.split("https://example.org/staff/jane")).isEmpty();
        assertThat(Authors.split("Updated 5 minutes ago")).isEmpty();
        assertThat(Authors.split("April 25, 2024")).isEmpty();
    }

    // ---- body ----

    @Test
    void navigationAndFooterAreNotBody() throws Exception {
        ExtractedPage p = extract(page("", nav() + article(P1, P2, P3) + "<footer><p>Copyright 2024 Example News. All rights reserved. "
                + "Terms of use and privacy policy apply to this website.</p></footer>"));
        assertThat(p.paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void bodySplitAcrossSiblingBlocksIsJoined() throws Exception {
        String body = "<div class=\"story\"><div class=\"chunk\"><p>" + P1 + "</p><p>" + P2 + "</p></div>"
                + "<div class=\"ad-slot\">Advertisement</div><div class=\"chunk\"><p>" + P3 + "</p><p>" + P4 + "</p></div></div>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3, P4);
    }

    @Test
    void relatedArticleListsAreDropped() throws Exception {
        StringBuilder related = new StringBuilder("<div class=\"more-stories\">");
        for (int i = 0; i < 5; i++) {
            related.append("<div><h3><a href=\"/s").append(i).append("\">Another headline about an unrelated topic number ")
                    .append(i).append("</a></h3><p>A short summary of that other story that runs to a sentence or so, number ")
                    .append(i).append(".</p></div>");
        }
        related.append("</div>");
        String body = "<main><article><h1>Council approves tram extension</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3
                + "</p></article>" + related.toString().replace("more-stories", "x-list") + "</main>";
        ExtractedPage p = extract(page("", body));
        assertThat(p.text()).contains(P3).doesNotContain("Another headline").doesNotContain("short summary");
    }

    @Test
    void cookieConsentLongerThanTheArticleIsDropped() throws Exception {
        String consent = "<div id=\"onetrust-consent-sdk\"><div><p>" + "We and our partners use cookies to store and access "
                + "information on your device for personalised advertising, measurement and analytics. ".repeat(6) + "</p><p>"
                + "You can change your preferences at any time by visiting the privacy settings page of this website.".repeat(4) + "</p></div></div>";
        ExtractedPage p = extract(page("", article(P1, P2) + consent));
        assertThat(p.paragraphs()).containsExactly(P1, P2);
    }

    @Test
    void furnitureInsideTheArticleIsDropped() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1>"
                + "<div class=\"share-bar\"><span>Share this article on social media with your friends and family</span></div>"
                + "<p>" + P1 + "</p><figure><img src=a.jpg><figcaption>The new tram, pictured during a test run in the northern suburbs of the city.</figcaption></figure>"
                + "<p>" + P2 + "</p><div class=\"newsletter-signup\"><p>Sign up for our morning newsletter and get the best stories in your inbox every day.</p></div>"
                + "<p>" + P3 + "</p><section id=\"comments\"><p>What a waste of public money, they should have built a bus lane instead of this.</p></section>"
                + "</article>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void bodyParkedInAHiddenStreamingContainerIsFound() throws Exception {
        String body = "<div id=\"root\"><div class=\"skeleton\">Loading</div></div><div hidden id=\"S:1\">" + article(P1, P2, P3) + "</div>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void layoutColumnsNamedSidebarThatCarryTheProseAreBody() throws Exception {
        // The article runs through several "sidebar-grid" sections, each next to a real sidebar of links.
        StringBuilder body = new StringBuilder("<article><h1>Council approves tram extension</h1>");
        String[][] chunks = new String[2][];
        for (int c = 0; c < 2; c++) {
            String tag = " (part " + (c + 1) + ")";
            chunks[c] = new String[] {P1 + tag, P2 + tag, P3 + tag, P4 + tag, P1.replace("Tuesday", "Monday") + tag, P2.replace("budget", "plan") + tag};
        }
        for (String[] chunk : chunks) {
            body.append("<div class=\"sidebar-grid\"><div class=\"col\">");
            for (String p : chunk) body.append("<p>").append(p).append("</p>");
            body.append("</div><aside><a href=\"/x\">Most read: bus fares rise again</a></aside></div>");
        }
        body.append("</article>");
        ExtractedPage p = extract(page("", body.toString()));
        assertThat(p.paragraphs()).hasSize(12).contains(P1 + " (part 1)", P4 + " (part 2)");
    }

    @Test
    void shortFurnitureNamedBoxesInsideTheArticleStayOut() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3
                + "</p><div class=\"author-bio\"><p>Jane Roe covers transport and city politics for the paper and has "
                + "written about trams since 2015.</p></div></article>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void ariaHiddenAndDisplayNoneAreNotBody() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><p>" + P1 + "</p><p style=\"display: none\">"
                + "This paragraph is hidden from readers and should never appear in the extracted text at all.</p><p>" + P2
                + "</p><p aria-hidden=\"true\">Another paragraph that assistive technology and readers never see on the page.</p><p>"
                + P3 + "</p></article>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void paragraphsNamedPaywallAreBody() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><p>" + P1 + "</p><p class=\"paywall\">" + P2
                + "</p><p class=\"paywall\">" + P3 + "</p></article>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void bylinesDateLinesAndShortLabelsAreDroppedFromTheBody() throws Exception {
        String head = "<meta name=\"author\" content=\"Jane Roe\">";
        String body = "<article><h1>Council approves tram extension</h1><div><p>By Jane Roe</p><p>May 3, 2024 10:15 AM</p><p>"
                + P1 + "</p><p>Advertisement</p><p>" + P2 + "</p><p>" + P3 + "</p></div></article>";
        assertThat(extract(page(head, body)).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void subheadingsAreKeptButHeadingsOverLinkListsAreNot() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><p>" + P1 + "</p><h2>What happens next</h2><p>" + P2
                + "</p><p>" + P3 + "</p><h2>Read more</h2><ul><li><a href=\"/a\">Bus fares to rise again in January</a></li>"
                + "<li><a href=\"/b\">New cycle lanes open across the city</a></li></ul></article>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, "What happens next", P2, P3);
    }

    @Test
    void repeatedParagraphsAppearOnce() throws Exception {
        assertThat(extract(page("", article(P1, P2, P1, P3))).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void paragraphsSeparatedByLineBreaksAreSplit() throws Exception {
        String body = "<div class=\"text\">" + P1 + "<br><br>" + P2 + "<br><br>" + P3 + "</div>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3);
    }

    // ---- article or not ----

    @Test
    void sectionFrontIsNotAnArticle() throws Exception {
        StringBuilder body = new StringBuilder(nav()).append("<main><h1>Politics</h1>");
        for (int i = 0; i < 15; i++) {
            body.append("<div class=\"card\"><h2><a href=\"/p").append(i).append("\">Minister announces a new plan for housing number ")
                    .append(i).append("</a></h2><p>The plan would build thousands of homes over the next decade, the minister said.</p></div>");
        }
        body.append("</main>");
        ExtractedPage p = extract(page("<meta property=\"og:type\" content=\"website\">", body.toString()));
        assertThat(p.isArticle()).isFalse();
        assertThat(p.notArticleReason()).startsWith("list page");
        assertThat(p.paragraphs()).isEmpty();
    }

    @Test
    void pageWithoutRunningTextIsNotAnArticle() throws Exception {
        ExtractedPage p = extract(page("<title>Video: tram test run</title>", "<h1>Video: tram test run</h1><div>Watch</div>"));
        assertThat(p.isArticle()).isFalse();
        assertThat(p.notArticleReason()).isNotBlank();
        assertThat(p.title()).isEqualTo("Video: tram test run");
    }

    @Test
    void homePageOfTeasersIsNotAnArticle() throws Exception {
        StringBuilder body = new StringBuilder(nav()).append("<main>");
        for (String section : new String[] {"Politics", "Business", "Sport"}) {
            body.append("<section><h2>").append(section).append("</h2>");
            for (int i = 0; i < 5; i++) {
                body.append("<div><h3><a href=\"/").append(section).append(i).append("\">").append(section)
                        .append(": the day's most important story, number ").append(i).append("</a></h3><p>A short summary of the story "
                        + "that the home page shows under the headline.</p></div>");
            }
            body.append("</section>");
        }
        ExtractedPage p = extract(page("<title>Example News</title><meta property=\"og:type\" content=\"website\">", body.append("</main>").toString()));
        assertThat(p.isArticle()).isFalse();
        assertThat(p.notArticleReason()).startsWith("list page");
        assertThat(p.paragraphs()).isEmpty(); // teasers are not a body
    }

    @Test
    void galleryIsNotAnArticleAndKeepsItsIntro() throws Exception {
        StringBuilder body = new StringBuilder("<main><h1>The tram's first week in pictures</h1><p>Photos from the opening week of the new line.</p>");
        for (int i = 0; i < 8; i++) {
            body.append("<figure><img src=\"/img/").append(i).append(".jpg\" alt=\"\"><figcaption>Passengers boarding at stop ").append(i)
                    .append(" on the first morning of service.</figcaption></figure>");
        }
        ExtractedPage p = extract(page("", body.append("</main>").toString()));
        assertThat(p.isArticle()).isFalse();
        assertThat(p.notArticleReason()).startsWith("gallery: body text too short");
        assertThat(p.paragraphs()).containsExactly("Photos from the opening week of the new line.");
    }

    @Test
    void videoPageIsNotAnArticle() throws Exception {
        String body = "<main><h1>Watch: the tram's test run</h1><video src=\"/v/test-run.mp4\" controls></video>"
                + "<p>The first tram ran the whole new line on Sunday night.</p></main>";
        ExtractedPage p = extract(page("<meta property=\"og:type\" content=\"video.other\">", body));
        assertThat(p.isArticle()).isFalse();
        assertThat(p.notArticleReason()).startsWith("video page: ");
    }

    private static final String NOT_FREE_JSON_LD = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            + "\"headline\":\"Council approves tram extension\",\"isAccessibleForFree\":false}</script>";

    @Test
    void paywallStubIsNotAnArticle() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><p>" + P1 + "</p><p>" + P2 + "</p>"
                + "<div class=\"paywall\"><p>Subscribe to read the rest of this article.</p></div></article>";
        ExtractedPage p = extract(page(NOT_FREE_JSON_LD, body));
        assertThat(p.isArticle()).isFalse();
        assertThat(p.notArticleReason()).startsWith("paywall stub: ");
    }

    @Test
    void paywalledPageServingTheWholeTextIsAnArticle() throws Exception {
        ExtractedPage p = extract(page(NOT_FREE_JSON_LD, article(P1, P2, P3, P4, P1.replace("Tuesday", "Monday"),
                P2.replace("half", "a third"), P3.replace("spring", "summer"), P4.replace("March", "April"))));
        assertThat(p.isArticle()).isTrue();
        assertThat(p.paragraphs()).hasSize(8);
    }

    @Test
    void stubKeepsItsShortBody() throws Exception {
        ExtractedPage p = extract(page("", "<article><h1>Tram closed</h1><p>The tram line is closed on Sunday for repairs.</p></article>"));
        assertThat(p.isArticle()).isFalse();
        assertThat(p.notArticleReason()).startsWith("body text too short");
        assertThat(p.paragraphs()).containsExactly("The tram line is closed on Sunday for repairs.");
    }

    // ---- body rules of issue 16 ----

    @Test
    void unclosedBannerHoldingTheMainElementIsRead() throws Exception {
        // The header is never closed, so the parser puts the whole page inside the banner landmark.
        String body = "<header role=\"banner\"><a href=\"/\">Example News</a><main>" + article(P1, P2, P3) + "</main>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void shortItemsOfALongListAreKept() throws Exception {
        String body = "<article><h1>Lemon cake</h1><p>" + P1 + "</p><ul><li>200 g sugar</li><li>3 eggs</li><li>1 lemon</li></ul><p>"
                + P2 + "</p><div>Share</div></article>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, "200 g sugar", "3 eggs", "1 lemon", P2);
    }

    @Test
    void noscriptTextIsRead() throws Exception {
        String body = "<div id=\"app\"></div><noscript>" + article(P1, P2, P3) + "</noscript>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void headingsAndShortLinesAfterTheLastParagraphAreDropped() throws Exception {
        String body = "<article><h1>Council approves tram extension</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>"
                + "<h3>About the author</h3><p>Jane Roe writes about transport.</p><p>Was this helpful?</p></article>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3);
    }

    @Test
    void ingredientListDoesNotPushTheContainerDown() throws Exception {
        StringBuilder body = new StringBuilder("<div class=\"recipe\"><h1>Lemon cake</h1><div class=\"intro\"><p>" + P4 + "</p></div><ul>");
        for (int i = 1; i <= 20; i++) body.append("<li>").append(i * 10).append(" g of ingredient ").append(i).append("</li>");
        body.append("</ul><div class=\"steps\"><p>").append(P1).append("</p><p>").append(P2).append("</p></div></div>");
        assertThat(extract(page("", body.toString())).paragraphs()).startsWith(P4, "10 g of ingredient 1").endsWith(P1, P2);
    }

    @Test
    void siblingColumnWithProseIsReadWithTheContainer() throws Exception {
        StringBuilder links = new StringBuilder("<div class=\"links\">");
        for (int i = 0; i < 20; i++) links.append("<div><a href=\"/t").append(i).append("\">Topic number ").append(i).append("</a></div>");
        String body = "<div class=\"wrap\"><h1>Council approves tram extension</h1><div class=\"col-a\"><p>" + P1 + "</p><p>" + P2
                + "</p><p>" + P3 + "</p></div><div class=\"col-b\"><p>" + P4 + "</p></div>" + links + "</div></div>";
        assertThat(extract(page("", body)).paragraphs()).containsExactly(P1, P2, P3, P4);
    }

    // ---- language ----

    @Test
    void languageIsDetectedFromTheBody() throws Exception {
        String de = "Der Stadtrat hat am Dienstag beschlossen, das Straßenbahnnetz um zwölf Kilometer zu erweitern. "
                + "Befürworter sagen, die Fahrzeiten würden sich halbieren, Gegner warnen vor den Kosten.";
        ExtractedPage p = extract(page("", article(de, de.replace("Dienstag", "Mittwoch"), de.replace("Stadtrat", "Landtag"))));
        assertThat(p.language()).isEqualTo("de"); // the page's lang="en" is wrong; the text wins
    }

    @Test
    void shortJapaneseArticleCountsAsAnArticle() throws Exception {
        String ja = "市議会は火曜日、路面電車の路線を十二キロ延長することを決めた。賛成派は通勤時間が半分になると話している。";
        ExtractedPage p = extract(page("", "<article><h1>路面電車延長へ</h1><p>" + ja + "</p><p>" + ja.replace("火曜日", "水曜日") + "</p></article>"));
        assertThat(p.isArticle()).isTrue();
        assertThat(p.language()).isEqualTo("ja");
    }

    @Test
    void iso639ThreeLetterCodesBecomeTwoLetterCodes() {
        assertThat(Languages.toIso1("deu")).isEqualTo("de");
        assertThat(Languages.toIso1("cmn")).isEqualTo("zh");
        assertThat(Languages.normalizeDeclared("en-GB")).isEqualTo("en");
    }
}

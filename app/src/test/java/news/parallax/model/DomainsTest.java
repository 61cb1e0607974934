package news.parallax.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainsTest {
    @Test
    void outletKeysWalkFromPathToTheRegistrableDomain() {
        assertThat(Domains.outletKeys("http://politicalticker.blogs.cnn.com/2016/05/x.html?a=b"))
                .containsExactly("politicalticker.blogs.cnn.com/2016/05", "politicalticker.blogs.cnn.com/2016",
                        "politicalticker.blogs.cnn.com", "blogs.cnn.com", "cnn.com");
    }

    @Test
    void outletKeysStopAtThePublicSuffix() {
        assertThat(Domains.outletKeys("https://news.bbc.co.uk")).containsExactly("news.bbc.co.uk", "bbc.co.uk");
    }

    @Test
    void serverPrefixIsNotPartOfTheHost() {
        assertThat(Domains.host("https://www1.cbn.com/cbnnews/x")).contains("cbn.com");
        assertThat(Domains.host("WWW.NYTimes.com")).contains("nytimes.com");
        assertThat(Domains.host("https://m.abcnews.go.com/Politics")).contains("abcnews.go.com");
        assertThat(Domains.host("https://amp.theguardian.com/x")).contains("theguardian.com");
        assertThat(Domains.host("http://mobile.nytimes.com:8080/x")).contains("nytimes.com");
    }

    @Test
    void aPrefixThatLeavesOnlyAPublicSuffixStays() {
        assertThat(Domains.host("https://m.co.uk/")).contains("m.co.uk");
        assertThat(Domains.host("https://amp.dev/")).contains("amp.dev");
    }

    @Test
    void registrableDomainFollowsThePublicSuffixList() {
        assertThat(Domains.registrable("https://edition.cnn.com/2024/x")).contains("cnn.com");
        assertThat(Domains.registrable("https://www.bbc.co.uk/news")).contains("bbc.co.uk");
        assertThat(Domains.registrable("https://amp.theguardian.com/x")).contains("theguardian.com");
        assertThat(Domains.registrable("https://m.abcnews.go.com/x")).contains("go.com");
        // A private suffix (blog hosting) keeps each blog apart.
        assertThat(Domains.registrable("https://someblog.blogspot.com/2016/x")).contains("someblog.blogspot.com");
        // wordpress.com is not on the list: its blogs share it (the registry keys them below it).
        assertThat(Domains.registrable("https://70news.wordpress.com/2016/x")).contains("wordpress.com");
    }

    @Test
    void anUnlistedSuffixIsTheLastLabelAndAnAddressStandsForItself() {
        assertThat(Domains.registrable("http://127.0.0.1:8080/a")).contains("127.0.0.1");
        assertThat(Domains.ofUrl("http://feeds.example.test/a")).isEqualTo("example.test");
    }

    @Test
    void articleDomainNeedsAnAbsoluteUrl() {
        assertThat(Domains.ofUrl("https://www.nytimes.com/2016/09/20/x.html")).isEqualTo("nytimes.com");
        assertThat(Domains.ofUrl("page.html")).isNull();
        assertThat(Domains.ofUrl("/tmp/a.html")).isNull();
        assertThat(Domains.ofUrl(null)).isNull();
    }

    @Test
    void outletKeyKeepsAPathLowerCasedWithoutTrailingSlash() {
        assertThat(Domains.outletKey("Hoover.org/Publications/Policy-Review/")).contains("hoover.org/publications/policy-review");
        assertThat(Domains.outletKey("www.cnn.com")).contains("cnn.com");
    }

    @Test
    void namesAreNotDomains() {
        assertThat(Domains.looksLikeDomainOrUrl("New York Times - News")).isFalse();
        assertThat(Domains.looksLikeDomainOrUrl("TheBlaze.com")).isTrue();
        assertThat(Domains.host("not a url")).isEmpty();
    }
}

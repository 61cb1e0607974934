package news.parallax.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainsTest {
    @Test
    void lookupKeysWalkFromPathToParentDomain() {
        assertThat(Domains.lookupKeys("http://politicalticker.blogs.cnn.com/2016/05/x.html?a=b"))
                .containsExactly("politicalticker.blogs.cnn.com/2016/05", "politicalticker.blogs.cnn.com/2016",
                        "politicalticker.blogs.cnn.com", "blogs.cnn.com", "cnn.com");
    }

    @Test
    void serverPrefixIsNotPartOfTheDomain() {
        assertThat(Domains.domainOf("https://www1.cbn.com/cbnnews/x")).contains("cbn.com");
        assertThat(Domains.domainOf("WWW.NYTimes.com")).contains("nytimes.com");
    }

    @Test
    void namesAreNotDomains() {
        assertThat(Domains.looksLikeDomainOrUrl("New York Times - News")).isFalse();
        assertThat(Domains.looksLikeDomainOrUrl("TheBlaze.com")).isTrue();
        assertThat(Domains.domainOf("not a url")).isEmpty();
    }
}

package news.parallax.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTPS://WWW.Example.COM:443/a/./b/../c?utm_source=x&id=5&fbclid=abc#frag | https://www.example.com/a/c?id=5",
        "http://example.com | http://example.com/",
        "http://example.com:8080/x?gclid=1 | http://example.com:8080/x",
        "https://example.com/p?b=2&a=1&UTM_Campaign=z&CMP=share | https://example.com/p?b=2&a=1",
        "https://example.com./story?mc_cid=1&mc_eid=2&igshid=3 | https://example.com/story",
    })
    void canonicalises(String in, String expected) {
        assertThat(UrlCanonicalizer.canonical(in)).isEqualTo(expected);
    }

    @Test
    void rejectsNonHttpWithTheUrlInTheMessage() {
        assertThatThrownBy(() -> UrlCanonicalizer.canonical("ftp://example.com/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://example.com/x");
        assertThatThrownBy(() -> UrlCanonicalizer.canonical("javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolvesRelativeLinks() {
        assertThat(UrlCanonicalizer.resolve("https://e.org/news/feed.xml", "../world/x?utm_term=a"))
                .isEqualTo("https://e.org/world/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.100.100.200",
        "0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "224.0.0.1", "198.18.0.1"})
    void nonPublicAddresses(String ip) throws Exception {
        assertThat(AddressGuard.isPublic(InetAddress.getByName(ip))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "100.128.0.1"})
    void publicAddresses(String ip) throws Exception {
        assertThat(AddressGuard.isPublic(InetAddress.getByName(ip))).isTrue();
    }
}

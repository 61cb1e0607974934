package news.parallax.fetch;

import java.io.IOException;

/** A URL resolved to an address Parallax refuses to contact (loopback, private, link-local, metadata). */
public final class BlockedAddressException extends IOException {
    private final String url;

    public BlockedAddressException(String url, String reason) {
        super(url + ": " + reason);
        this.url = url;
    }

    public String url() {
        return url;
    }
}

package news.parallax.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {
    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            // RFC 822 / 1123 and deviations
            "Thu, 01 Jan 2004 19:48:21 GMT | 2004-01-01T19:48:21Z",
            "Thu, 01 Jan 04 19:48:21 GMT | 2004-01-01T19:48:21Z",
            "Thu,  5 Apr 2012 10:00:00 GMT | 2012-04-05T10:00:00Z",
            "Fri,24 Nov 2023 18:28:36 -0000 | 2023-11-24T18:28:36Z",
            "Mon, 13 Feb, 2012 06:28:00 UTC | 2012-02-13T06:28:00Z",
            "Wed, 19 Feb 2012 22:40:00 -01:01 | 2012-02-19T23:41:00Z",
            "Wed, 19 Feb 2012 22:40:00 GMT-01:01 | 2012-02-19T23:41:00Z",
            "Wed, 19 Aug 2009 18:28:00 Etc/GMT | 2009-08-19T18:28:00Z",
            "Thu, 30 Apr 2015 08:57:00 MET | 2015-04-30T07:57:00Z",
            "Thu, 30 Apr 2015 08:57:00 MEST | 2015-04-30T06:57:00Z",
            "Mon, 26 January 2004 16:31:00 ET | 2004-01-26T21:31:00Z",
            "Mon, 26 January 2004 16:31:00 PT | 2004-01-27T00:31:00Z",
            "Mon, 26 Jan 2004 16:31:00 N | 2004-01-26T15:31:00Z",
            "Mon, 26 Jan 2004 16:31:00 Z | 2004-01-26T16:31:00Z",
            "Thu, 01 Jan 2004 00:00 GMT | 2004-01-01T00:00:00Z",
            "Thu, 01 Jan 2004 | 2004-01-01T00:00:00Z",
            "Thu Aug 30 2012 17:26:16 +0200 | 2012-08-30T15:26:16Z",
            "Sun Jan  4 16:29:06 2004 | 2004-01-04T16:29:06Z",
            "Sun Jul 15 01:16:00 +0000 2012 | 2012-07-15T01:16:00Z",
            "Fri, 2006/09/15 08:19:53 EDT | 2006-09-15T12:19:53Z",
            // W3C-DTF / ISO 8601
            "2003-12-31T10:14:55Z | 2003-12-31T10:14:55Z",
            "2003-12-31T10:14:55.1234Z | 2003-12-31T10:14:55.1234Z",
            "2003-12-31T10:14:55-08:00 | 2003-12-31T18:14:55Z",
            "2003-02-28T18:14:55-08:00 | 2003-03-01T02:14:55Z",
            "2003-012-31T10:14:55+00:00 | 2003-12-31T10:14:55Z",
            "2003-12-31 | 2003-12-31T00:00:00Z",
            "2003-12 | 2003-12-01T00:00:00Z",
            "2003 | 2003-01-01T00:00:00Z",
            "20031231 | 2003-12-31T00:00:00Z",
            "20031231T101455Z | 2003-12-31T10:14:55Z",
            "031231 | 2003-12-31T00:00:00Z",
            "03-12-31 | 2003-12-31T00:00:00Z",
            "-0312 | 2003-12-01T00:00:00Z",
            "2003-335 | 2003-12-01T00:00:00Z",
            "2004-W01-1 | 2003-12-29T00:00:00Z",
            "2004-07-08 23:56:58 | 2004-07-08T23:56:58Z",
            "2004-07-08 23:56:58.0 | 2004-07-08T23:56:58Z",
            "2004-07-08 23:56:58 -00:20 | 2004-07-09T00:16:58Z",
            // Greek, Hungarian, Korean
            "\u039a\u03c5\u03c1, 11 \u0399\u03bf\u03cd\u03bb 2004 12:00:00 EST | 2004-07-11T17:00:00Z",
            "2004-j\u00falius-13T9:15-05:00 | 2004-07-13T14:15:00Z",
            "2004-05-25 \uc624\ud6c4 11:23:17 | 2004-05-25T14:23:17Z",
            "2004\ub144 05\uc6d4 28\uc77c  01:31:15 | 2004-05-27T16:31:15Z",
    })
    void readsEveryForm(String text, String expected) {
        assertThat(Dates.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "2003-12-31T25:14:55Z", "2003-12-31T10:61:55Z", "2003-12-31T10:14:61Z", "2003-02-30",
            "Sun, 30 Feb 2003 10:00:00 GMT", "Sun, 99 Jun 2009 12:00:00 GMT", "Sun, 16 Dec 2012 1:2:3:4 GMT",
            "Sun, 16 zzz 2012 11:47:32 GMT", "Sun, Dec x 2012 11:47:32 GMT", "Sun, 16 Dec zz 11:47:32 GMT",
            "Sun, 16 Dec 2012 11:47:32 +zz:00", "Sun, 16 Dec 2012 11:47:32 +00:zz", "Sun, 31 Dec 9999 23:59:59 -9999",
            "9999-12-31T23:59:59-99:99", "22013", "013", "2013-01-27-01", "2013-01-28T11:30:00-06:00Textra", "2013-xx-27",
            "2013-01-28T09:xx:00Z", "2013-01-28T09:00:00+00:xx", "yesterday", "2004-W54-1"})
    void rejectsInvalidDatesInsteadOfRollingOver(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }

    @Test
    void fractionIsKeptExactly() {
        assertThat(Dates.parse("2003-12-31T10:14:55.1234Z").orElseThrow().getNano()).isEqualTo(123_400_000);
    }

    @Test
    void futureAndAncientDatesAreImplausible() {
        Instant now = Instant.parse("2024-10-23T12:00:00Z");
        assertThat(Dates.implausible(Instant.parse("2024-10-24T11:00:00Z"), now)).isNull();
        assertThat(Dates.implausible(Instant.parse("2024-10-25T12:00:00Z"), now)).contains("future");
        assertThat(Dates.implausible(Instant.parse("1989-12-31T23:59:59Z"), now)).contains("before 1990");
    }

    // ---- records and pages: lenient, with the page's offset kept ----

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "2016-09-20 | 2016-09-20T00:00Z",
            "2016-09-20T10:15:00 | 2016-09-20T10:15Z",
            "2016-09-20 10:15 | 2016-09-20T10:15Z",
            "2016-09-20T10:15:00.123+02:00 | 2016-09-20T10:15:00.123+02:00",
            "2016-09-20T10:15:00Z | 2016-09-20T10:15Z",
            "2016-09-20T10:15:00+02:00[Europe/Paris] | 2016-09-20T10:15+02:00",
            "2016-09-20 10:15:00 UTC | 2016-09-20T10:15Z",
            "2013-01-28T11:30:00-06:00Textra | 2013-01-28T11:30-06:00",
            "2024-05-03T08:00:00+0530 | 2024-05-03T08:00+05:30",
            "Thu, 01 Jan 2004 19:48:21 GMT | 2004-01-01T19:48:21Z",
            "Thu Aug 30 2012 17:26:16 GMT+0200 | 2012-08-30T17:26:16+02:00",
            "20240503 | 2024-05-03T00:00Z",
            "20240503103000 | 2024-05-03T10:30Z",
            "1714728600 | 2024-05-03T09:30Z",
            "1714728600000 | 2024-05-03T09:30Z",
    })
    void readsRecordAndPageForms(String text, String expected) {
        OffsetDateTime want = OffsetDateTime.parse(expected);
        assertThat(Dates.pageDate(text)).isEqualTo(want);
        assertThat(Dates.recordDate(text)).isEqualTo(want.toInstant());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"2003", "2003-12", "031231", "2004-W01-1", "yesterday", "2003-02-30", "0001-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z", "2999-01-01"})
    void pagesNeedADayInAPlausibleYear(String text) {
        assertThat(Dates.pageDate(text)).isNull();
    }

    @Test
    void aRecordKeepsAnyYearItStates() {
        assertThat(Dates.recordDate("1985-06-01")).isEqualTo(Instant.parse("1985-06-01T00:00:00Z"));
        assertThat(Dates.recordDate("  ")).isNull();
        assertThat(Dates.recordDate(null)).isNull();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Published 28.04.2023, 14:30 | 2023-04-28T14:30Z",
            "28. April 2023 | 2023-04-28T00:00Z",
            "April 28th, 2023 | 2023-04-28T00:00Z",
            "Updated: Apr. 28, 2023 | 2023-04-28T00:00Z",
            "28 de abril de 2023 | 2023-04-28T00:00Z",
            "le 3 déc. 2022 | 2022-12-03T00:00Z",
            "2023/04/28 | 2023-04-28T00:00Z",
    })
    void readsDatesWrittenForReaders(String text, String expected) {
        assertThat(Dates.parseText(text)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    void textWithoutADateHasNone() {
        assertThat(Dates.parseText("Read more about the 2023 budget")).isNull();
        assertThat(Dates.parseText("31.02.2023")).isNull();
    }

    @Test
    void readsTheDateInAUrlPath() {
        assertThat(Dates.fromUrl("https://e.org/news/2024/05/03/story.html"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 3, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(Dates.fromUrl("https://e.org/2024-05-03-story")).isEqualTo(OffsetDateTime.of(2024, 5, 3, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(Dates.fromUrl("https://e.org/1890/05/03/x")).isNull();
        assertThat(Dates.fromUrl("https://e.org/story-12345")).isNull();
    }
}

package org.metrohub.portal.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4180 quoting and formula neutralisation of the CSV reports. */
class CsvTest {

    @Test
    void rowsEndInCrlfAndPlainCellsStayBare() {
        assertThat(new Csv().row("a", "b c", 3, true, null).row("x").toString()).isEqualTo("a,b c,3,true,\r\nx\r\n");
    }

    @Test
    void cellsWithACommaQuoteOrLineBreakAreQuotedWithQuotesDoubled() {
        // RFC 4180 §2 rules 5–7
        assertThat(new Csv().row("Doe, Jane", "say \"hi\"", "two\nlines", "cr\rhere").toString())
                .isEqualTo("\"Doe, Jane\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    }

    @Test
    void textAFormulaWouldStartWithGetsALeadingQuote() {
        assertThat(new Csv().row("=1+2", "+41", "-2", "@SUM(A1)", "\tx", "a=b").toString())
                .isEqualTo("'=1+2,'+41,'-2,'@SUM(A1),'\tx,a=b\r\n");
    }

    @Test
    void aNeutralisedFormulaWithACommaIsQuotedToo() {
        assertThat(new Csv().row("=HYPERLINK(\"http://x\",\"y\")").toString())
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
    }

    @Test
    void aCarriageReturnFirstIsNeutralisedAndQuoted() {
        assertThat(new Csv().row("\r=1").toString()).isEqualTo("\"'\r=1\"\r\n");
    }
}

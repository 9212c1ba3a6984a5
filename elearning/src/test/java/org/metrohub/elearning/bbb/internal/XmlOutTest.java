package org.metrohub.elearning.bbb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlOutTest {

  @Test
  void writesCompactXmlWithEscapedText() {
    String xml = new XmlOut().start("response").element("a", "x < y & z").empty("b").element("c", "").end()
        .finish();

    assertThat(xml).isEqualTo("<response><a>x &lt; y &amp; z</a><b/><c></c></response>");
  }

  @Test
  void refusesElementNamesThatCouldBreakTheDocument() {
    assertThatThrownBy(() -> new XmlOut().start("a><b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new XmlOut().empty("1st")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new XmlOut().element("", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(XmlOut.checkName("bbb-origin-server.name_2")).isEqualTo("bbb-origin-server.name_2");
  }

  @Test
  void keepsTabsNewlinesAndSupplementaryCharactersButDropsOtherControls() {
    assertThat(XmlOut.xmlChars("a\tb\nc\rd")).isEqualTo("a\tb\nc\rd");
    assertThat(XmlOut.xmlChars("music \uD834\uDD1E")).isEqualTo("music \uD834\uDD1E");
    assertThat(XmlOut.xmlChars("x\u0000y\u001Fz\uFFFE\uDC00!")).isEqualTo("xyz!");
  }
}

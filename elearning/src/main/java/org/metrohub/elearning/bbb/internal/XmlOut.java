package org.metrohub.elearning.bbb.internal;

import java.io.StringWriter;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A compact XML document built with the JDK's {@link XMLStreamWriter}: text is escaped by the writer, characters
 * XML 1.0 forbids are dropped, and element names are checked, since some ({@code <metadata>} children) come from
 * request parameters. No XML declaration and no indentation, as bbb-web's compressed templates.
 */
public final class XmlOut {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private final StringWriter out = new StringWriter(512);
  private final XMLStreamWriter xml;

  public XmlOut() {
    try {
      xml = FACTORY.createXMLStreamWriter(out);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the JDK's StAX writer is unavailable", e);
    }
  }

  public XmlOut start(String name) {
    try {
      xml.writeStartElement(checkName(name));
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  public XmlOut end() {
    try {
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** {@code <name/>}. */
  public XmlOut empty(String name) {
    try {
      xml.writeEmptyElement(checkName(name));
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** {@code <name>text</name>}; an empty text gives {@code <name></name>}, as bbb-web's templates do. */
  public XmlOut element(String name, String text) {
    start(name);
    try {
      xml.writeCharacters(xmlChars(text));
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return end();
  }

  public XmlOut element(String name, long value) {
    return element(name, Long.toString(value));
  }

  public XmlOut element(String name, boolean value) {
    return element(name, value ? "true" : "false");
  }

  /** The document; the writer must be balanced. */
  public String finish() {
    try {
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /**
   * Element names are written as given by StAX, unchecked; a name from a request could otherwise break out of
   * the element. Letters, digits, {@code _ . -}, not starting with a digit, dot or dash.
   */
  static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an XML element name: \"" + name + "\"");
    }
    return name;
  }

  /** Drops characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
  static String xmlChars(String text) {
    int length = text.length();
    int i = 0;
    while (i < length && allowed(text, i)) {
      i += Character.charCount(text.codePointAt(i));
    }
    if (i == length) {
      return text;
    }
    StringBuilder clean = new StringBuilder(length);
    clean.append(text, 0, i);
    while (i < length) {
      int codePoint = text.codePointAt(i);
      if (allowed(text, i)) {
        clean.appendCodePoint(codePoint);
      }
      i += Character.charCount(codePoint);
    }
    return clean.toString();
  }

  private static boolean allowed(String text, int index) {
    int c = text.codePointAt(index);
    if (c == 0x9 || c == 0xA || c == 0xD) {
      return true;
    }
    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
      return false;
    }
    return !Character.isSurrogate((char) c) || c > 0xFFFF;
  }
}

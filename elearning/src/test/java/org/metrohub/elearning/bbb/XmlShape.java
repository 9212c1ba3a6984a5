package org.metrohub.elearning.bbb;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An XML document flattened to one line per element in document order: {@code response/attendees} for an
 * element with children, {@code response/meetingID=Test} for a leaf (text trimmed; an empty element is
 * {@code name=}). Two documents with the same elements in the same order and the same texts flatten alike,
 * whatever their indentation, so a response can be compared with the API reference's pretty-printed examples.
 */
final class XmlShape {
  private XmlShape() {
  }

  static List<String> of(String xml) {
    List<String> lines = new ArrayList<>();
    walk(parse(xml), "", lines, true);
    return lines;
  }

  /** Element paths only, without texts. */
  static List<String> names(String xml) {
    List<String> lines = new ArrayList<>();
    walk(parse(xml), "", lines, false);
    return lines;
  }

  private static Element parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + xml, e);
    }
  }

  private static void walk(Element element, String parent, List<String> lines, boolean texts) {
    String path = parent.isEmpty() ? element.getTagName() : parent + "/" + element.getTagName();
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        children.add(childElement);
      }
    }
    if (children.isEmpty()) {
      lines.add(texts ? path + "=" + element.getTextContent().strip() : path);
      return;
    }
    lines.add(path);
    for (Element child : children) {
      walk(child, path, lines, texts);
    }
  }
}

package io.fitmesh.platform.xml;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way FitMesh reads XML (uploaded GPX files are untrusted): the JDK's StAX parser with DTDs and external
 * entities off, no external DTD or schema access, and a resolver that refuses every external resource, so a
 * file can neither make the server fetch a URL nor read a local file. A rule in the test kit keeps every other
 * XML factory out of the code.
 */
public final class SafeXml {
  private SafeXml() {}

  /** A pull parser over {@code in} with every external access off. */
  public static XMLStreamReader streamReader(InputStream in) throws XMLStreamException {
    return inputFactory().createXMLStreamReader(in);
  }

  private static XMLInputFactory inputFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external resources are not read");
    });
    return factory;
  }
}

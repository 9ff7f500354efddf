package io.fitmesh.example.adapters;

/** Makes its own XML factory, with DTDs on: what XML_IS_READ_ONLY_THROUGH_SAFE_XML forbids. */
public final class UnsafeXmlReader {
  public Object factory() {
    return javax.xml.stream.XMLInputFactory.newInstance();
  }
}

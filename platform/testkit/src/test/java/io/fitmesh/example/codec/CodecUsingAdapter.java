package io.fitmesh.example.codec;

/** A codec that reaches an adapter: what CODECS_DEPEND_ON_NO_ADAPTER forbids. */
public final class CodecUsingAdapter {
  public Object map() {
    return new io.fitmesh.example.adapters.HandlerCallingStore();
  }
}

package io.fitmesh.example.domain;

/** A use case that speaks protobuf: what DOMAIN_SPEAKS_ONLY_DOMAIN forbids. */
public final class LeakyUseCase {
  public com.google.protobuf.Message leak() {
    return com.google.protobuf.Empty.getDefaultInstance();
  }
}

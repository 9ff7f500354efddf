package io.fitmesh.platform.config;

/** A setting is missing or malformed; the message names the setting, the bad value and what is accepted. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}

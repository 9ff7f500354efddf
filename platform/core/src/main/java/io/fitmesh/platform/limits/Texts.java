package io.fitmesh.platform.limits;

import io.fitmesh.platform.errors.DomainException;
import java.util.regex.Pattern;

/** Checks of text fields from clients: lengths and ids, with INVALID_ARGUMENT naming the field. */
public final class Texts {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:.-]{1,64}");

  private Texts() {}

  /** The value ("" for null) when it has at most {@code max} characters and no control characters. */
  public static String check(String field, String value, int max) {
    String text = value == null ? "" : value;
    if (text.length() > max) {
      throw DomainException.invalidArgument(field, field + " is at most " + max + " characters");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw DomainException.invalidArgument(field, field + " may not hold control characters");
    }
    return text;
  }

  /** The value when it is an id: 1..64 characters of [A-Za-z0-9_:.-]. */
  public static String checkId(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw DomainException.invalidArgument(field, field + " must be 1..64 characters of [A-Za-z0-9_:.-]");
    }
    return value;
  }
}

package io.fitmesh.platform.limits;

import io.fitmesh.platform.errors.DomainException;
import java.util.regex.Pattern;

/** Checks of text fields from clients: lengths and ids, with INVALID_ARGUMENT naming the field. */
public final class Texts {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:.-]{1,64}");
  private static final String BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";

  private Texts() {}

  /**
   * The value ("" for null) when it has at most {@code max} characters (code points, so an emoji is one) and no
   * control or bidirectional-override characters (which can make a text read differently from what it is).
   */
  public static String check(String field, String value, int max) {
    String text = value == null ? "" : value;
    if (text.codePointCount(0, text.length()) > max) {
      throw DomainException.invalidArgument(field, field + " is at most " + max + " characters");
    }
    if (text.codePoints().anyMatch(c -> Character.isISOControl(c) || BIDI_CONTROLS.indexOf(c) >= 0)) {
      throw DomainException.invalidArgument(field, field + " may not hold control or direction-override characters");
    }
    return text;
  }

  /** True when the text shows nothing: empty, or only spaces and invisible format characters. */
  public static boolean isBlank(String text) {
    return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT);
  }

  /** The value when it is an id: 1..64 characters of [A-Za-z0-9_:.-]. */
  public static String checkId(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw DomainException.invalidArgument(field, field + " must be 1..64 characters of [A-Za-z0-9_:.-]");
    }
    return value;
  }
}

package io.fitmesh.platform.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Raw settings by name (environment variables, overridden by command-line flags), read through typed getters
 * that fail with a {@link ConfigException} naming the setting and the accepted values.
 */
public final class Settings {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Settings fromEnvironment() {
    return of(System.getenv());
  }

  public static Settings of(Map<String, String> values) {
    return new Settings(requireNonNull(values, "values"));
  }

  /** These settings with the given ones on top (flags over environment). */
  public Settings withOverrides(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return new Settings(merged);
  }

  public Optional<String> optional(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String string(String name, String defaultValue) {
    return optional(name).orElse(defaultValue);
  }

  public String required(String name, String why) {
    return optional(name).orElseThrow(() -> new ConfigException(name + " is not set: " + why));
  }

  public int intInRange(String name, int defaultValue, int min, int max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          name + "=" + raw.get() + " is not a whole number from " + min + " to " + max);
    }
  }

  /** A TCP port; 0 means any free port (tests use it). */
  public int port(String name, int defaultValue) {
    return intInRange(name, defaultValue, 0, 65535);
  }

  /** A duration written as 250ms, 5s, 2m, 1h or 7d. */
  public Duration duration(String name, Duration defaultValue) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    Matcher m = DURATION.matcher(raw.get());
    if (!m.matches()) {
      throw new ConfigException(name + "=" + raw.get() + " is not a duration (e.g. 250ms, 5s, 2m, 1h, 7d)");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** A duration (as {@link #duration}) from {@code min} to {@code max}. */
  public Duration durationInRange(String name, Duration defaultValue, Duration min, Duration max) {
    Duration value = duration(name, defaultValue);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new ConfigException(name + " must be from " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  /** One of an enum's constants, written in any case (embedded, EMBEDDED). */
  public <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      String accepted = Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining("|"));
      throw new ConfigException(name + "=" + raw.get() + " is not one of " + accepted);
    }
  }

  /**
   * A comma-separated set of names, each one of {@code allowed} (case-insensitive, blanks ignored), in the given
   * order; {@code defaultValue} when unset, and none when set to an empty value.
   */
  public java.util.Set<String> namesOf(String name, String defaultValue, java.util.Set<String> allowed) {
    String value = values.containsKey(name) ? values.get(name) : defaultValue;
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (String part : value.split(",")) {
      String item = part.strip().toLowerCase(java.util.Locale.ROOT);
      if (item.isEmpty()) {
        continue;
      }
      if (!allowed.contains(item)) {
        throw new ConfigException(name + "=" + value + ": " + item + " is not one of " + new java.util.TreeSet<>(allowed));
      }
      names.add(item);
    }
    return names;
  }
}

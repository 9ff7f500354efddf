package io.fitmesh.platform.limits;

/**
 * How much one workout may hold, shared by the services that take samples and files. 500,000 samples are
 * almost six days at 1 Hz; 12 MiB holds days of FIT records or a day of GPX, and its base64 stays under the
 * 20 million characters the JSON transcoder reads in one string.
 */
public final class WorkoutLimits {
  /** Samples of one workout, recorded live or imported. */
  public static final int MAX_SAMPLES = 500_000;
  /** An imported file. */
  public static final int MAX_FILE_BYTES = 12 * 1024 * 1024;
  /** Messages of any kind in an imported FIT file: a device writes a few per second. */
  public static final int MAX_FIT_MESSAGES = 1_000_000;
  /** Sessions in one imported file: the legs of one multisport activity. */
  public static final int MAX_SESSIONS = 20;
  /** Laps in one imported file. */
  public static final int MAX_LAPS = 10_000;
  /** Pool lengths in one imported file. */
  public static final int MAX_LENGTHS = 20_000;
  /** The request that carries a file: base64 in JSON is 4/3 its size; the rest of the request fits in 1 MiB. */
  public static final long MAX_IMPORT_REQUEST_BYTES = MAX_FILE_BYTES * 4L / 3 + 1024 * 1024;

  private WorkoutLimits() {}
}

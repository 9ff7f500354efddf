package io.fitmesh.infra;

/** The ports the local servers listen on, all on 127.0.0.1 and away from the servers' defaults. */
public final class LocalPorts {
  public static final int PULSAR = 16650;
  public static final int PULSAR_HTTP = 18080;
  public static final int PULSAR_BOOKIE = 13181;
  public static final int CQL = 19042;
  public static final int CQL_STORAGE = 17000;
  public static final int REDIS = 16379;

  private LocalPorts() {}
}

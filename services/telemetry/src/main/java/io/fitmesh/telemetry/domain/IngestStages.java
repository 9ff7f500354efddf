package io.fitmesh.telemetry.domain;

/**
 * Where a batch's time goes on its way to durable, stage by stage, so a slow tail can be pinned on the transport,
 * the pool, the checks, the sample write or the cursor write. Recorded for every batch; exported as a metric.
 */
public interface IngestStages {
  /** Records nothing. */
  IngestStages NONE = (stage, nanos) -> { };

  /** The stages of one batch, in order. */
  enum Stage {
    /**
     * Arrived (a unary upload's request started; a stream's message was handed over) until the ingest use case has it
     * with its ownership checked: reading and decoding the request, authentication, the hand-off to a handler thread.
     */
    RECEIVE("receive"),
    /** Checked until a pool thread starts it: waiting for the pool and for the workout's batch before. */
    QUEUE("queue"),
    /** Checking each sample: settled, duplicate, outside the window, impossible. */
    NORMALISE("normalise"),
    /** Writing the accepted samples (the sample store's round trips). */
    CQL_WRITE("cql write"),
    /** Saving the cursor (none when a stream's save is coalesced). */
    CURSOR("cursor"),
    /** Stored until the reply (or a stream's request for more) is handed back to gRPC. */
    ACK("ack");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  void record(Stage stage, long nanos);
}

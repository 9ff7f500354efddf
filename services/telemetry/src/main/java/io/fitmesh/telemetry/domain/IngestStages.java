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
     * Arrived until the ingest use case has it with its ownership checked. A unary upload counts from its request's
     * start: reading and decoding the request, authentication, the hand-off to a handler thread. A stream's message
     * counts from when gRPC handed it over, decoded: for streams this stage is only the ownership check.
     */
    RECEIVE("receive"),
    /** Checked until a pool thread starts it: waiting for the pool and for the workout's batch before. */
    QUEUE("queue"),
    /** Checking each sample: settled, duplicate, outside the window, impossible. */
    NORMALISE("normalise"),
    /** Writing the accepted samples (the sample store's round trips: CQL, or memory when embedded). */
    SAMPLE_WRITE("sample_write"),
    /**
     * Loading the cursor (when this instance's copy expired) and saving it (every unary upload; a stream's at most
     * every 500 ms): near zero for a batch that did neither.
     */
    CURSOR("cursor"),
    /** The reply (or a stream's request for more) being handed to gRPC once the batch is stored. */
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

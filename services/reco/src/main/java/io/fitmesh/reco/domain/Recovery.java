package io.fitmesh.reco.domain;

import java.time.Instant;
import java.util.Optional;

/** Hours until recovered from the latest workout, and a warning when the load ratio is above 1.5. */
public record Recovery(int hoursRemaining, Optional<Instant> recoveredAt, Optional<String> warning, String because) {}

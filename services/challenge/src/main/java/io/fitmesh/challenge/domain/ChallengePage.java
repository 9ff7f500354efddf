package io.fitmesh.challenge.domain;

import java.util.List;

/** A page of challenges; {@code next} is null on the last page, else where the next page starts. */
public record ChallengePage(List<Challenge> challenges, String next) {}

package io.fitmesh.group.domain;

import java.util.Optional;

/** A club as a caller sees it: with its member count and the caller's membership, if any. */
public record ClubView(Club club, long memberCount, Optional<Membership> membership) {}

package io.fitmesh.reco.domain;

/** The sports recommendations know. */
public enum Sport { RUN, RIDE, WALK, HIKE, SWIM, VIRTUAL_RIDE, OTHER }

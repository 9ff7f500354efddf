package io.fitmesh.promo.domain;

/** Who a campaign is for, besides its regions and sports. */
public enum Audience { EVERYONE, GEAR_DUE, NEW_ATHLETE, JOINED_CHALLENGE }

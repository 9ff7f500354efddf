package io.fitmesh.social.domain;

/**
 * An activity as one viewer sees it.
 *
 * @param polyline the encoded route as the viewer may see it
 * @param kudosGiven whether the viewer gave kudos
 */
public record Card(Activity activity, String polyline, long kudosCount, long commentCount, boolean kudosGiven) {}

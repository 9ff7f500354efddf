package io.fitmesh.platform.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesTest {

  @Test
  void encodePolyline_matchesGooglesReferenceExample() {
    List<LatLon> route = List.of(new LatLon(38.5, -120.2), new LatLon(40.7, -120.95), new LatLon(43.252, -126.453));

    assertThat(Routes.encodePolyline(route)).isEqualTo("_p~iF~ps|U_ulLnnqC_mqNvxq`@");
  }

  @Test
  void aLongStraightTrack_isSimplifiedToItsEnds_andAZigZagKeepsItsCorners() {
    List<LatLon> straight = new ArrayList<>();
    for (int i = 0; i <= 3600; i++) {
      straight.add(new LatLon(46.0 + i * 0.00003, 14.5));
    }
    List<LatLon> zigzag = new ArrayList<>();
    for (int i = 0; i <= 3600; i++) {
      zigzag.add(new LatLon(46.0 + i * 0.00003, 14.5 + ((i / 100) % 2 == 0 ? 0 : 0.001)));
    }

    assertThat(Routes.simplify(straight, 500)).containsExactly(straight.get(0), straight.get(3600));
    List<LatLon> corners = Routes.simplify(zigzag, 500);
    assertThat(corners.size()).isBetween(36, 500);
    assertThat(corners).contains(zigzag.get(0), zigzag.get(99), zigzag.get(100), zigzag.get(3600));
  }

  @Test
  void aTrackOfMoreThanMaxPoints_neverComesBackLonger() {
    List<LatLon> noisy = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      noisy.add(new LatLon(46.0 + random.nextDouble() * 0.01, 14.5 + random.nextDouble() * 0.01));
    }

    assertThat(Routes.simplify(noisy, 500)).hasSizeLessThanOrEqualTo(500);
  }

  @Test
  void pointsInsideAZone_areLeftOut_andAZoneOutsideItsRadiusLimitsIsRefused() {
    PrivacyZone home = new PrivacyZone(new LatLon(46.05, 14.5), 300);
    LatLon atHome = new LatLon(46.0501, 14.5001);
    LatLon farAway = new LatLon(46.06, 14.5);

    assertThat(PrivacyZone.outside(List.of(atHome, farAway, atHome), List.of(home))).containsExactly(farAway);
    assertThat(PrivacyZone.shown(atHome, List.of(home))).isEmpty();
    assertThatThrownBy(() -> new PrivacyZone(farAway, 150)).hasMessageContaining("200..1600");
  }
}

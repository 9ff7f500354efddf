package io.fitmesh.social;

import io.fitmesh.group.GroupDeployable;
import io.fitmesh.notification.NotificationDeployable;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.CombinedService;
import io.fitmesh.platform.server.FitmeshService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The social deployable as a node and SocialMain run it: SocialService, with GroupService and NotificationService
 * beside it unless FITMESH_SOCIAL_HOSTS says they run on their own.
 */
public final class SocialServices {
  private SocialServices() {}

  public static FitmeshService start(PlatformRuntime runtime) {
    SocialSettings settings = SocialSettings.from(runtime.config());
    List<Function<PlatformRuntime, FitmeshService>> parts = new ArrayList<>();
    parts.add(SocialDeployable::new);
    if (settings.alsoHosts().contains("group")) {
      parts.add(GroupDeployable::new);
    }
    if (settings.alsoHosts().contains("notification")) {
      parts.add(NotificationDeployable::new);
    }
    return CombinedService.start(runtime, parts);
  }
}

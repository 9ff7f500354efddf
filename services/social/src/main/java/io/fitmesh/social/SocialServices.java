package io.fitmesh.social;

import io.fitmesh.group.GroupDeployable;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.CombinedService;
import io.fitmesh.platform.server.FitmeshService;
import java.util.ArrayList;
import java.util.List;

/**
 * The social deployable as a node and SocialMain run it: SocialService, with GroupService and NotificationService
 * beside it unless FITMESH_SOCIAL_HOSTS says they run on their own.
 */
public final class SocialServices {
  private SocialServices() {}

  public static FitmeshService start(PlatformRuntime runtime) {
    SocialSettings settings = SocialSettings.from(runtime.config());
    List<FitmeshService> parts = new ArrayList<>();
    try {
      parts.add(new SocialDeployable(runtime));
      if (settings.alsoHosts().contains("group")) {
        parts.add(new GroupDeployable(runtime));
      }
      if (settings.alsoHosts().contains("notification")) {
        parts.add(new io.fitmesh.notification.NotificationDeployable(runtime));
      }
    } catch (RuntimeException e) {
      parts.forEach(FitmeshService::close);
      throw e;
    }
    return new CombinedService(parts);
  }
}

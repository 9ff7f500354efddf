package io.fitmesh.notification.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.notification.codec.NotificationProtos;
import io.fitmesh.notification.domain.Inboxes;
import io.fitmesh.notification.domain.Notification;
import io.fitmesh.notification.domain.Page;
import io.fitmesh.notification.v1.*;
import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.grpc.Paging;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * NotificationService: the caller from the token, then the use case, then the mapping back. A watch sends the
 * unread count first, then each new or updated item while the client keeps up (an item it is too slow for is
 * skipped: the inbox has it).
 */
public final class NotificationHandler extends NotificationServiceGrpc.NotificationServiceImplBase {
  private final Inboxes inboxes;

  public NotificationHandler(Inboxes inboxes) {
    this.inboxes = requireNonNull(inboxes, "inboxes");
  }

  @Override
  public void listNotifications(ListNotificationsRequest request, StreamObserver<ListNotificationsResponse> responses) {
    String caller = Callers.athleteId();
    String after = Paging.position(request.getPageToken());
    if (after != null && !after.matches("\\d{15}:[0-9a-f-]{36}")) {
      throw io.fitmesh.platform.errors.DomainException.invalidArgument("page_token",
          "page_token is not one this API returned");
    }
    Page<Notification> page = inboxes.list(caller, after, Paging.pageSize(request.getPageSize(), 20, 100));
    reply(responses, ListNotificationsResponse.newBuilder()
        .addAllNotifications(page.items().stream().map(NotificationProtos::forClient).toList())
        .setUnreadCount(inboxes.unread(caller))
        .setNextPageToken(page.next() == null ? "" : Paging.token(page.next())).build());
  }

  @Override
  public void markNotificationsRead(MarkNotificationsReadRequest request,
      StreamObserver<MarkNotificationsReadResponse> responses) {
    reply(responses, MarkNotificationsReadResponse.newBuilder()
        .setUnreadCount(inboxes.markRead(Callers.athleteId(), request.getNotificationIdsList())).build());
  }

  @Override
  public void getNotificationSettings(GetNotificationSettingsRequest request,
      StreamObserver<GetNotificationSettingsResponse> responses) {
    reply(responses, GetNotificationSettingsResponse.newBuilder()
        .setSettings(NotificationProtos.toProto(inboxes.settings(Callers.athleteId()))).build());
  }

  @Override
  public void updateNotificationSettings(UpdateNotificationSettingsRequest request,
      StreamObserver<UpdateNotificationSettingsResponse> responses) {
    reply(responses, UpdateNotificationSettingsResponse.newBuilder().setSettings(NotificationProtos.toProto(
        inboxes.updateSettings(Callers.athleteId(), NotificationProtos.toDomain(request.getSettings())))).build());
  }

  @Override
  public void registerDevice(RegisterDeviceRequest request, StreamObserver<RegisterDeviceResponse> responses) {
    reply(responses, RegisterDeviceResponse.newBuilder().setDevice(NotificationProtos.toProto(inboxes.register(
        Callers.athleteId(), NotificationProtos.platform(request.getPlatform()), request.getToken()))).build());
  }

  @Override
  public void unregisterDevice(UnregisterDeviceRequest request, StreamObserver<UnregisterDeviceResponse> responses) {
    inboxes.unregister(Callers.athleteId(), request.getDeviceId());
    reply(responses, UnregisterDeviceResponse.getDefaultInstance());
  }

  @Override
  public void listDevices(ListDevicesRequest request, StreamObserver<ListDevicesResponse> responses) {
    reply(responses, ListDevicesResponse.newBuilder().addAllDevices(inboxes.devices(Callers.athleteId()).stream()
        .map(NotificationProtos::toProto).toList()).build());
  }

  @Override
  public void watchNotifications(WatchNotificationsRequest request,
      StreamObserver<WatchNotificationsResponse> responses) {
    String caller = Callers.athleteId();
    ServerCallStreamObserver<WatchNotificationsResponse> stream =
        (ServerCallStreamObserver<WatchNotificationsResponse>) responses;
    Object lock = new Object();
    Runnable stop = inboxes.watch(caller, item -> {
      long unread = inboxes.unread(caller);
      synchronized (lock) {
        if (!stream.isCancelled() && stream.isReady()) {
          stream.onNext(WatchNotificationsResponse.newBuilder().setNotification(NotificationProtos.forClient(item))
              .setUnreadCount(unread).build());
        }
      }
    });
    stream.setOnCancelHandler(stop);
    synchronized (lock) {
      stream.onNext(WatchNotificationsResponse.newBuilder().setUnreadCount(inboxes.unread(caller)).build());
    }
  }

  private static <T> void reply(StreamObserver<T> responses, T response) {
    responses.onNext(response);
    responses.onCompleted();
  }
}

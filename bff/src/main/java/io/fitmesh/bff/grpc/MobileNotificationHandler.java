package io.fitmesh.bff.grpc;

import static io.fitmesh.bff.grpc.MobileSocialHandler.reply;
import static java.util.Objects.requireNonNull;

import io.fitmesh.bff.v1.GetNotificationSettingsRequest;
import io.fitmesh.bff.v1.GetNotificationSettingsResponse;
import io.fitmesh.bff.v1.ListDevicesRequest;
import io.fitmesh.bff.v1.ListDevicesResponse;
import io.fitmesh.bff.v1.ListNotificationsRequest;
import io.fitmesh.bff.v1.ListNotificationsResponse;
import io.fitmesh.bff.v1.MarkNotificationsReadRequest;
import io.fitmesh.bff.v1.MarkNotificationsReadResponse;
import io.fitmesh.bff.v1.MobileNotificationServiceGrpc;
import io.fitmesh.bff.v1.RegisterDeviceRequest;
import io.fitmesh.bff.v1.RegisterDeviceResponse;
import io.fitmesh.bff.v1.UnregisterDeviceRequest;
import io.fitmesh.bff.v1.UnregisterDeviceResponse;
import io.fitmesh.bff.v1.UpdateNotificationSettingsRequest;
import io.fitmesh.bff.v1.UpdateNotificationSettingsResponse;
import io.fitmesh.bff.v1.WatchNotificationsRequest;
import io.fitmesh.bff.v1.WatchNotificationsResponse;
import io.fitmesh.notification.v1.NotificationServiceGrpc.NotificationServiceBlockingStub;
import io.fitmesh.notification.v1.NotificationServiceGrpc.NotificationServiceStub;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** The mobile notification API: each call goes to the notification service; a watch is relayed item by item. */
public final class MobileNotificationHandler extends MobileNotificationServiceGrpc.MobileNotificationServiceImplBase {
  private final Supplier<NotificationServiceBlockingStub> notifications;
  private final Supplier<NotificationServiceStub> watches;

  public MobileNotificationHandler(Supplier<NotificationServiceBlockingStub> notifications,
      Supplier<NotificationServiceStub> watches) {
    this.notifications = requireNonNull(notifications, "notifications");
    this.watches = requireNonNull(watches, "watches");
  }

  @Override
  public void listNotifications(ListNotificationsRequest request, StreamObserver<ListNotificationsResponse> responses) {
    var r = notifications.get().listNotifications(io.fitmesh.notification.v1.ListNotificationsRequest.newBuilder()
        .setPageSize(request.getPageSize()).setPageToken(request.getPageToken()).build());
    reply(responses, ListNotificationsResponse.newBuilder().addAllNotifications(r.getNotificationsList())
        .setUnreadCount(r.getUnreadCount()).setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void markNotificationsRead(MarkNotificationsReadRequest request,
      StreamObserver<MarkNotificationsReadResponse> responses) {
    var r = notifications.get().markNotificationsRead(io.fitmesh.notification.v1.MarkNotificationsReadRequest
        .newBuilder().addAllNotificationIds(request.getNotificationIdsList()).build());
    reply(responses, MarkNotificationsReadResponse.newBuilder().setUnreadCount(r.getUnreadCount()).build());
  }

  @Override
  public void getNotificationSettings(GetNotificationSettingsRequest request,
      StreamObserver<GetNotificationSettingsResponse> responses) {
    var r = notifications.get().getNotificationSettings(
        io.fitmesh.notification.v1.GetNotificationSettingsRequest.getDefaultInstance());
    reply(responses, GetNotificationSettingsResponse.newBuilder().setSettings(r.getSettings()).build());
  }

  @Override
  public void updateNotificationSettings(UpdateNotificationSettingsRequest request,
      StreamObserver<UpdateNotificationSettingsResponse> responses) {
    var r = notifications.get().updateNotificationSettings(io.fitmesh.notification.v1.UpdateNotificationSettingsRequest
        .newBuilder().setSettings(request.getSettings()).build());
    reply(responses, UpdateNotificationSettingsResponse.newBuilder().setSettings(r.getSettings()).build());
  }

  @Override
  public void registerDevice(RegisterDeviceRequest request, StreamObserver<RegisterDeviceResponse> responses) {
    var r = notifications.get().registerDevice(io.fitmesh.notification.v1.RegisterDeviceRequest.newBuilder()
        .setPlatform(request.getPlatform()).setToken(request.getToken()).build());
    reply(responses, RegisterDeviceResponse.newBuilder().setDevice(r.getDevice()).build());
  }

  @Override
  public void unregisterDevice(UnregisterDeviceRequest request, StreamObserver<UnregisterDeviceResponse> responses) {
    notifications.get().unregisterDevice(io.fitmesh.notification.v1.UnregisterDeviceRequest.newBuilder()
        .setDeviceId(request.getDeviceId()).build());
    reply(responses, UnregisterDeviceResponse.getDefaultInstance());
  }

  @Override
  public void listDevices(ListDevicesRequest request, StreamObserver<ListDevicesResponse> responses) {
    var r = notifications.get().listDevices(io.fitmesh.notification.v1.ListDevicesRequest.getDefaultInstance());
    reply(responses, ListDevicesResponse.newBuilder().addAllDevices(r.getDevicesList()).build());
  }

  @Override
  public void watchNotifications(WatchNotificationsRequest request,
      StreamObserver<WatchNotificationsResponse> responses) {
    ServerCallStreamObserver<WatchNotificationsResponse> phone =
        (ServerCallStreamObserver<WatchNotificationsResponse>) responses;
    watches.get().watchNotifications(io.fitmesh.notification.v1.WatchNotificationsRequest.getDefaultInstance(),
        new ClientResponseObserver<io.fitmesh.notification.v1.WatchNotificationsRequest,
            io.fitmesh.notification.v1.WatchNotificationsResponse>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<io.fitmesh.notification.v1.WatchNotificationsRequest> up) {
            phone.setOnCancelHandler(() -> up.cancel("the phone left", null));
          }

          @Override
          public void onNext(io.fitmesh.notification.v1.WatchNotificationsResponse value) {
            synchronized (phone) {
              if (!phone.isCancelled()) {
                WatchNotificationsResponse.Builder relayed = WatchNotificationsResponse.newBuilder()
                    .setUnreadCount(value.getUnreadCount());
                if (value.hasNotification()) {
                  relayed.setNotification(value.getNotification());
                }
                phone.onNext(relayed.build());
              }
            }
          }

          @Override
          public void onError(Throwable t) {
            synchronized (phone) {
              if (!phone.isCancelled()) {
                phone.onError(t);
              }
            }
          }

          @Override
          public void onCompleted() {
            synchronized (phone) {
              if (!phone.isCancelled()) {
                phone.onCompleted();
              }
            }
          }
        });
  }
}

package io.fitmesh.notification.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.notification.domain.Claims;
import io.fitmesh.platform.errors.DomainException;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Claims as Redis keys {@code fitmesh:claim:<key>} set only when absent (SET NX PX). */
public final class RedisClaims implements Claims {
  private final RedissonClient redis;

  public RedisClaims(RedissonClient redis) {
    this.redis = requireNonNull(redis, "redis");
  }

  @Override
  public boolean claim(String key, Duration ttl) {
    try {
      return redis.getBucket("fitmesh:claim:" + key, StringCodec.INSTANCE).setIfAbsent("1", ttl);
    } catch (RuntimeException e) {
      throw DomainException.unavailable("claims unavailable", e);
    }
  }

  @Override
  public void release(String key) {
    try {
      redis.getBucket("fitmesh:claim:" + key, StringCodec.INSTANCE).delete();
    } catch (RuntimeException e) {
      throw DomainException.unavailable("claims unavailable", e);
    }
  }
}

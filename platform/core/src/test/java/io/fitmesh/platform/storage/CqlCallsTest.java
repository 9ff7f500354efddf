package io.fitmesh.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CqlCallsTest {
  private final List<Statement<?>> sent = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<Object>> answers = new CopyOnWriteArrayList<>();
  /** A session whose writes are answered by the test, one by one. */
  private final CqlSession session = (CqlSession) Proxy.newProxyInstance(getClass().getClassLoader(),
      new Class<?>[] {CqlSession.class}, (proxy, method, args) -> {
        if (!method.getName().equals("executeAsync") || args.length != 1) {
          throw new UnsupportedOperationException(method.getName());
        }
        sent.add((Statement<?>) args[0]);
        CompletableFuture<Object> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
      });

  @Test
  void writeAllAtOnce_sendsEveryWriteBeforeAnyAnswer_asIdempotent_andWaitsForAllEvenAfterOneFailed()
      throws Exception {
    List<Statement<?>> writes = List.of(SimpleStatement.newInstance("INSERT 1"),
        SimpleStatement.newInstance("INSERT 2"), SimpleStatement.newInstance("INSERT 3"));
    CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
      try {
        CqlCalls.writeAllAtOnce(session, writes);
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });

    await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 3);
    assertThat(sent).allSatisfy(s -> assertThat(s.isIdempotent()).isTrue());
    IllegalStateException refused = new IllegalStateException("write 1 refused");
    answers.get(0).completeExceptionally(refused);
    answers.get(1).complete(null);
    assertThat(catchTimeout(outcome)).as("still waiting for the third write").isTrue();

    answers.get(2).complete(null);
    assertThat(outcome.get(10, TimeUnit.SECONDS)).as("the failed write's own exception").isSameAs(refused);
  }

  private static boolean catchTimeout(CompletableFuture<?> outcome) throws Exception {
    try {
      outcome.get(300, TimeUnit.MILLISECONDS);
      return false;
    } catch (java.util.concurrent.TimeoutException e) {
      return true;
    }
  }
}

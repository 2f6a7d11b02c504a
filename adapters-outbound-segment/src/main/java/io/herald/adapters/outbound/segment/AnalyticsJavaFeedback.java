package io.herald.adapters.outbound.segment;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.TrackMessage;
import io.herald.application.port.out.EngagementFeedback;
import io.herald.domain.feedback.FeedbackEvent;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Engagement events to Segment through analytics-java, built once with the configured endpoint. The client
 * sends the write key in the body; Herald adds it as Basic auth too, which Segment also accepts. A batch
 * counts as sent only when analytics-java's callback confirms each event; each carries its deterministic
 * message id, so a batch sent again after a failure is deduplicated by Segment.
 */
@Singleton
@Requires(property = "herald.segment.feedback.write-key")
class AnalyticsJavaFeedback implements EngagementFeedback {

    private final Analytics analytics;
    private final FeedbackSettings settings;
    private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

    AnalyticsJavaFeedback(FeedbackSettings settings) {
        this.settings = settings;
        String basic = Credentials.basic(settings.writeKey(), "");
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Authorization", basic).build()))
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(20, TimeUnit.SECONDS)
                .build();
        this.analytics = Analytics.builder(settings.writeKey())
                .endpoint(settings.endpoint())
                .client(client)
                .retries(1)
                // analytics-java backs off 15 s inside an upload that failed; more than one upload thread keeps
                // later batches from waiting behind it once Segment recovers.
                .networkExecutor(Executors.newFixedThreadPool(4, runnable -> {
                    Thread thread = new Thread(runnable, "herald-segment-feedback");
                    thread.setDaemon(true);
                    return thread;
                }))
                .flushQueueSize(250)
                .flushInterval(1, TimeUnit.HOURS)
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        complete(message, null);
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        complete(message, throwable);
                    }
                })
                .build();
    }

    @Override
    public void send(List<FeedbackEvent> events) {
        List<CompletableFuture<Void>> results = events.stream().map(event -> {
            CompletableFuture<Void> result = new CompletableFuture<>();
            awaited.put(event.segmentMessageId(), result);
            analytics.enqueue(TrackMessage.builder(event.event())
                    .messageId(event.segmentMessageId())
                    .userId(event.userId().value())
                    .properties(event.properties())
                    .timestamp(Date.from(event.at())));
            return result;
        }).toList();
        analytics.flush();
        try {
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Segment refused engagement events: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Segment did not confirm engagement events within " + settings.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reporting engagement events", e);
        } finally {
            events.forEach(event -> awaited.remove(event.segmentMessageId()));
        }
    }

    private void complete(Message message, Throwable failure) {
        CompletableFuture<Void> result = awaited.get(message.messageId());
        if (result == null) {
            return;
        }
        if (failure == null) {
            result.complete(null);
        } else {
            result.completeExceptionally(failure);
        }
    }

    @PreDestroy
    void close() {
        analytics.shutdown();
    }
}

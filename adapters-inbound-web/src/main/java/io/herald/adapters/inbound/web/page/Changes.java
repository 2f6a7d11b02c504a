package io.herald.adapters.inbound.web.page;

import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Live pages without a message bus: a stream per open page that looks at what the page shows once a second and says
 * {@code changed} when it differs from what the page was rendered with, so the page fetches the new fragment. It reads PostgreSQL, so a change made
 * through any Herald instance reaches a page open on any other. Comments every 15 s keep proxies from closing an
 * idle stream; a stream whose look fails ends, and the browser's EventSource reconnects.
 */
@Singleton
public final class Changes {

    static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(15);

    /**
     * @param seen        the {@link #version} of what the page was rendered with; when it is missing or stale the first
     *                    look already says {@code changed}, so nothing between the rendering and the stream is missed
     * @param fingerprint what the page shows, in a form that changes when it does
     */
    public Flux<Event<String>> watch(String seen, Supplier<String> fingerprint) {
        Flux<String> looks = Flux.interval(Duration.ZERO, LOOK_EVERY)
                .onBackpressureDrop()
                .publishOn(Schedulers.boundedElastic(), 1)
                .map(tick -> version(fingerprint.get()));
        Flux<Event<String>> changed = Flux.concat(Flux.just(seen == null ? "" : seen), looks)
                .distinctUntilChanged()
                .skip(1)
                .map(now -> Event.of("changed").name("changed"));
        Flux<Event<String>> heartbeats = Flux.interval(HEARTBEAT_EVERY).map(tick -> Event.of("").comment("still here"));
        return Flux.merge(changed, heartbeats).onErrorResume(lookFailed -> Flux.empty());
    }

    /** A short digest of a page's fingerprint, for its stream's URL. */
    public static String version(String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

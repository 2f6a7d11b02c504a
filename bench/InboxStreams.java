import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many open inbox streams at once, each a user's (GET /users/{id}/inbox/stream), read without a thread each. Once every
 * stream has had its ready event, SENDS messages go to random users of them at RATE per second through POST /send
 * (inbox channel), and the time from the send to the message event on that user's stream is measured.
 * Prints when all streams were ready, then the latency percentiles, and how many streams were still open at the end.
 *
 * Usage: java bench/InboxStreams.java BASE_URL KEY STREAMS SENDS RATE_PER_SECOND
 */
public class InboxStreams {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int streams = Integer.parseInt(args[2]);
        int sends = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch ready = new CountDownLatch(streams);
        ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger open = new AtomicInteger();
        CountDownLatch received = new CountDownLatch(sends);

        long opening = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            String user = "stream-" + run + "-" + i;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/users/" + user + "/inbox/stream"))
                    .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream").build();
            client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                private String event = "";

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    open.incrementAndGet();
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.isEmpty()) {
                        if (event.equals("ready")) {
                            ready.countDown();
                        } else if (event.equals("message")) {
                            Long at = sentAt.remove(user);
                            if (at != null) {
                                latencies.add(System.nanoTime() - at);
                                received.countDown();
                            }
                        }
                        event = "";
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                    open.decrementAndGet();
                }

                @Override
                public void onComplete() {
                    open.decrementAndGet();
                }
            }));
        }
        if (!ready.await(120, TimeUnit.SECONDS)) {
            System.out.println("only " + (streams - ready.getCount()) + " of " + streams + " streams became ready");
            System.exit(1);
        }
        System.out.printf("%d streams ready in %.1f s%n", streams, (System.nanoTime() - opening) / 1e9);
        System.out.println("READY");
        Thread.sleep(2_000);

        java.util.Random random = new java.util.Random(42);
        long start = System.nanoTime();
        for (int n = 0; n < sends; n++) {
            long due = start + n * 1_000_000_000L / rate;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String user;
            do {
                user = "stream-" + run + "-" + random.nextInt(streams);
            } while (sentAt.containsKey(user));
            HttpRequest send = HttpRequest.newBuilder(URI.create(base + "/send")).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"message\": {\"to\": {\"user_id\": \"" + user + "\"}, \"content\": {\"title\": \"Bench\", \"body\": \"n" + n
                                    + "\"}, \"routing\": {\"method\": \"single\", \"channels\": [\"inbox\"]}}}")).build();
            // From the moment the send is made: the event may well arrive before the 202 has been read.
            sentAt.put(user, System.nanoTime());
            HttpResponse<String> answer = client.send(send, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                System.out.println("send answered " + answer.statusCode() + ": " + answer.body());
                System.exit(1);
            }
        }
        boolean all = received.await(60, TimeUnit.SECONDS);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%d sends at %d/s to %d open streams: %d received%s; POST /send -> message event: p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms; streams still open: %d%n", sends, rate, streams, sorted.length, all ? "" : " (some missing)",
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, open.get());
        System.exit(0);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}

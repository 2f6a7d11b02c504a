import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate. Request i is due at start + i/rate; a pool of worker threads, each with its
 * own keep-alive connection (a plain socket, see Connection), sends every request at its due time, and latency is measured from the due time,
 * so a server stall shows up in the percentiles instead of slowing the sender (no coordinated omission).
 * The first WARMUP seconds are sent but not counted.
 *
 * Usage: java bench/OpenLoop.java BASE_URL PATH KEY RATE_PER_SECOND SECONDS [WARMUP_SECONDS] [WORKERS]
 * PATH: /v1/track, mixed (identify and track in turn) or /send; see body().
 */
public class OpenLoop {

    public static void main(String[] args) throws Exception {
        String key = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        int workers = args.length > 6 ? Integer.parseInt(args[6]) : 64;
        String run = Long.toString(System.currentTimeMillis(), 36);
        long warmupRequests = (long) rate * warmup;
        long total = warmupRequests + (long) rate * seconds;
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[(int) (total - warmupRequests)];
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime() + 100_000_000L;
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            threads[w] = new Thread(() -> {
                Connection connection = new Connection(args[0]);
                long i;
                while ((i = next.getAndIncrement()) < total) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean ok = connection.post(path(args[1], i), key, body(args[1], run, i));
                    long latency = System.nanoTime() - due;
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (i >= warmupRequests) {
                        latencies[(int) (i - warmupRequests)] = ok ? latency : Long.MAX_VALUE;
                    }
                }
            });
            threads[w].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("open loop: %d requests at %d/s after %d s warm-up (%.1f s), %d errors%n",
                latencies.length, rate, warmup, elapsed, errors.get());
        System.out.printf("latency from due time: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms%n",
                pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), pct(latencies, 99.9), latencies[latencies.length - 1] / 1e6);
    }

    /**
     * A unique track event of about 1 KB for {@code /v1/track}; for {@code mixed}, identify and track events in
     * turn (to /v1/identify and /v1/track); a send to an ad-hoc address for {@code /send}.
     */
    private static String body(String path, String run, long i) {
        if (path.startsWith("/send")) {
            return "{\"message\":{\"to\":{\"email\":\"user-" + (i % 1000) + "@example.org\"},"
                    + "\"content\":{\"title\":\"Hello {{name}}\",\"body\":\"Your code is {{code}}\"},"
                    + "\"data\":{\"name\":\"bench\",\"code\":\"" + i + "\"},\"metadata\":{\"tags\":[\"open-" + run + "\"]}}}";
        }
        if (path.equals("mixed") && i % 2 == 0) {
            return "{\"type\":\"identify\",\"messageId\":\"open-" + run + "-" + i + "\",\"userId\":\"user-" + (i % 1000)
                    + "\",\"traits\":{\"email\":\"user-" + (i % 1000) + "@example.org\",\"plan\":\"pro\",\"seen\":" + i + "},"
                    + CONTEXT + "}";
        }
        return "{\"type\":\"track\",\"messageId\":\"open-" + run + "-" + i + "\",\"userId\":\"user-" + (i % 1000)
                + "\",\"anonymousId\":\"3f1c2b9e-7a4d-4e61-9b0c-2d8e5f7a1c34\",\"event\":\"Bench Event\","
                + PROPERTIES + ",\"timestamp\":\"2026-11-23T10:00:00.000Z\"," + CONTEXT + "}";
    }

    private static final String PROPERTIES = "\"properties\":{\"plan\":\"pro\",\"amount\":42,\"currency\":\"GBP\",\"items\":[\"seat\",\"sso\"],\"coupon\":\"WINTER24\",\"trial\":false}";
    private static final String CONTEXT = "\"context\":{\"library\":{\"name\":\"analytics.js\",\"version\":\"4.1.0\"},\"ip\":\"203.0.113.42\",\"locale\":\"en-GB\",\"timezone\":\"Europe/London\",\"userAgent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\",\"page\":{\"path\":\"/pricing\",\"referrer\":\"https://www.example.com/blog/notifications\",\"search\":\"?utm_source=newsletter\",\"title\":\"Pricing - Example\",\"url\":\"https://app.example.com/pricing?utm_source=newsletter\"},\"campaign\":{\"name\":\"winter-launch\",\"source\":\"newsletter\",\"medium\":\"email\",\"content\":\"hero-button\"},\"screen\":{\"width\":1512,\"height\":982,\"density\":2}}";

    /** Where request {@code i} goes: for {@code mixed}, identify and track in turn. */
    private static String path(String path, long i) {
        if (path.equals("mixed")) {
            return i % 2 == 0 ? "/v1/identify" : "/v1/track";
        }
        return path;
    }

    /**
     * One worker's keep-alive HTTP/1.1 connection over a plain socket: the request is written in one go and the
     * response read by its Content-Length (or chunks). HttpURLConnection cost about 400 us of CPU per request, which
     * on 2 cores took CPU from the server being measured; pgbench, on the other side of each comparison, is as lean.
     */
    private static final class Connection {
        private final String host;
        private final int port;
        private Socket socket;
        private BufferedInputStream in;
        private OutputStream out;

        Connection(String base) {
            URI uri = URI.create(base);
            host = uri.getHost();
            port = uri.getPort();
        }

        boolean post(String path, String key, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + key + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    if (socket == null) {
                        socket = new Socket(host, port);
                        socket.setTcpNoDelay(true);
                        in = new BufferedInputStream(socket.getInputStream(), 16_384);
                        out = socket.getOutputStream();
                    }
                    byte[] request = new byte[head.length + bytes.length];
                    System.arraycopy(head, 0, request, 0, head.length);
                    System.arraycopy(bytes, 0, request, head.length, bytes.length);
                    out.write(request);
                    out.flush();
                    return readResponse();
                } catch (IOException e) {
                    close();
                }
            }
            return false;
        }

        private boolean readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                close();
            }
            return code == 200 || code == 202;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long n) throws IOException {
            for (long left = n; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing a broken connection
            }
            socket = null;
        }
    }

    private static double pct(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}

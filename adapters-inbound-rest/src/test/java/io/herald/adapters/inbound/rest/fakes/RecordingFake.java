package io.herald.adapters.inbound.rest.fakes;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every fake in-port shares: the calls it received, in order, and an optional failure to answer them with.
 * Controllers call in-ports on Micronaut's blocking executor, so the record is safe to read from the test thread.
 */
public abstract class RecordingFake {

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    /** One call: the in-port method's name and what it was given. */
    public record Call(String method, List<Object> arguments) {

        public <T> T argument(int index, Class<T> type) {
            return type.cast(arguments.get(index));
        }
    }

    protected final void called(String method, Object... arguments) {
        calls.add(new Call(method, Collections.unmodifiableList(Arrays.asList(arguments))));
        RuntimeException answer = failure;
        if (answer != null) {
            throw answer;
        }
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The one call the request made, which must be to {@code method}. */
    public Call onlyCall(String method) {
        List<Call> made = calls();
        if (made.size() != 1 || !made.get(0).method().equals(method)) {
            throw new AssertionError("expected exactly one call to " + method + ", got " + made);
        }
        return made.get(0);
    }

    /** Every call answers with {@code exception} (after it is recorded), as the real use case would throw it. */
    public void failWith(RuntimeException exception) {
        failure = exception;
    }

    public final void reset() {
        calls.clear();
        failure = null;
        forgetAnswers();
    }

    /** Back to the answers a fresh fake gives. */
    protected void forgetAnswers() {
    }
}

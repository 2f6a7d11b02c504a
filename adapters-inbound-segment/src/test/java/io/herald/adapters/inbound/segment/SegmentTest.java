package io.herald.adapters.inbound.segment;

import io.herald.adapters.inbound.segment.support.FakeCallers;
import io.herald.adapters.inbound.segment.support.RecordingIngest;
import io.herald.adapters.inbound.segment.support.Reply;
import io.herald.adapters.inbound.segment.support.Segment;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Segment controller test: the Segment adapter alone on Micronaut's embedded server, the caller check and the
 * ingest in-port replaced by fakes, called over HTTP as Segment calls it.
 */
abstract class SegmentTest {

    @Inject
    Segment segment;

    @Inject
    RecordingIngest ingest;

    @Inject
    FakeCallers callers;

    @BeforeEach
    void startFromUntouchedFakes() {
        ingest.reset();
        callers.reset();
    }

    /** Segment's own acknowledgement, which its SDKs check. */
    static void assertAcknowledged(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"success\":true}");
    }

    /** Refused with {@code status} by a core exception (see {@code CoreExceptionHandlers}), and nothing ingested. */
    void assertRefused(Reply reply, int status, String messagePart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.message()).contains(messagePart);
        assertThat(reply.type()).as(reply.body()).isEqualTo(status == 401 ? "authentication_error" : "invalid_request_error");
        assertThat(ingest.commands()).as("nothing of a refused request is ingested").isEmpty();
    }
}

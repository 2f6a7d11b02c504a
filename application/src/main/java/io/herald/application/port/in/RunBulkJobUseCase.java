package io.herald.application.port.in;

/** The durable work of a bulk job: one page of its users at a time. */
public interface RunBulkJobUseCase {

    /** Sends the next page of the job's users after {@code afterSeq}, and schedules the page after it; how many it took. */
    int runPage(String jobId, long afterSeq);
}

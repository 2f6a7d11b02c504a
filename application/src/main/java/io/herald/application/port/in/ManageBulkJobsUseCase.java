package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.domain.bulk.BulkJob;
import io.herald.domain.bulk.BulkUser;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Courier's bulk jobs: one message, many users added in pages, sent as durable work. */
public interface ManageBulkJobsUseCase {

    BulkJob create(Map<String, Object> message);

    /** Adds up to 1,000 users to a job not yet run; each is checked as a send of the job's message. */
    void addUsers(String jobId, List<Map<String, Object>> users);

    Optional<BulkJob> find(String jobId);

    Page<BulkUser> users(String jobId, Optional<String> cursor, int limit);

    /** Starts the job: its users are sent a page at a time, as durable work. Running a running job changes nothing. */
    void run(String jobId);
}

package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.bulk.BulkJob;
import io.herald.domain.bulk.BulkStatus;
import io.herald.domain.bulk.BulkUser;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface BulkJobRepository {

    void create(BulkJob job);

    Optional<BulkJob> find(String jobId);

    /** The job, locked until the current transaction ends. */
    Optional<BulkJob> lock(String jobId);

    /** Adds the users, PENDING, after those the job has, and counts them as received. */
    void addUsers(String jobId, List<Map<String, Object>> users);

    /** The PENDING users after {@code afterSeq}, in order, at most {@code limit}. */
    List<BulkUser> pendingAfter(String jobId, long afterSeq, int limit);

    /** What happened to each user of a page; the job's counts grow by the users enqueued and failed. */
    void recordOutcomes(String jobId, List<BulkUser> outcomes);

    void setStatus(String jobId, BulkStatus status);

    /** The job's users in the order added, a page at a time. */
    Page<BulkUser> users(String jobId, Optional<String> cursor, int limit);
}

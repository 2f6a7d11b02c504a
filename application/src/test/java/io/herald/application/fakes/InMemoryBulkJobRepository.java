package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.BulkJobRepository;
import io.herald.domain.bulk.BulkJob;
import io.herald.domain.bulk.BulkStatus;
import io.herald.domain.bulk.BulkUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryBulkJobRepository implements BulkJobRepository {

    private final Map<String, BulkJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, List<BulkUser>> users = new ConcurrentHashMap<>();
    private long seq;

    @Override
    public synchronized void create(BulkJob job) {
        jobs.put(job.id(), job);
        users.put(job.id(), new ArrayList<>());
    }

    @Override
    public Optional<BulkJob> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public Optional<BulkJob> lock(String jobId) {
        return find(jobId);
    }

    @Override
    public synchronized void addUsers(String jobId, List<Map<String, Object>> added) {
        added.forEach(user -> users.get(jobId).add(new BulkUser(++seq, user, BulkUser.Status.PENDING, Optional.empty(), Optional.empty())));
        BulkJob job = jobs.get(jobId);
        jobs.put(jobId, new BulkJob(job.id(), job.definition(), job.status(), job.received() + added.size(), job.enqueued(), job.failures(),
                job.created()));
    }

    @Override
    public synchronized List<BulkUser> pendingAfter(String jobId, long afterSeq, int limit) {
        return users.get(jobId).stream().filter(user -> user.seq() > afterSeq && user.status() == BulkUser.Status.PENDING).limit(limit).toList();
    }

    @Override
    public synchronized void recordOutcomes(String jobId, List<BulkUser> outcomes) {
        List<BulkUser> all = users.get(jobId);
        long enqueued = 0;
        for (BulkUser outcome : outcomes) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).seq() == outcome.seq()) {
                    all.set(i, outcome);
                }
            }
            enqueued += outcome.status() == BulkUser.Status.ENQUEUED ? 1 : 0;
        }
        BulkJob job = jobs.get(jobId);
        jobs.put(jobId, new BulkJob(job.id(), job.definition(), job.status(), job.received(), job.enqueued() + enqueued,
                job.failures() + outcomes.size() - enqueued, job.created()));
    }

    @Override
    public synchronized void setStatus(String jobId, BulkStatus status) {
        BulkJob job = jobs.get(jobId);
        jobs.put(jobId, new BulkJob(job.id(), job.definition(), status, job.received(), job.enqueued(), job.failures(), job.created()));
    }

    @Override
    public synchronized Page<BulkUser> users(String jobId, Optional<String> cursor, int limit) {
        long after = cursor.map(Long::parseLong).orElse(0L);
        List<BulkUser> found = users.get(jobId).stream().filter(user -> user.seq() > after).limit(limit + 1L).toList();
        List<BulkUser> items = found.stream().limit(limit).toList();
        return new Page<>(items, found.size() > limit ? Long.toString(items.get(limit - 1).seq()) : null);
    }
}

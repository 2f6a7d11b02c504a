package io.herald.application.port.out;

import java.time.Instant;
import java.util.List;

/** Submission checks of notifications, by template and submission. */
public interface NotificationChecks {

    /** One check: its id, {@code RESOLVED}, {@code FAILED} or {@code PENDING}, its type ({@code custom}) and when it last changed. */
    record Check(String id, String status, String type, Instant updated) {
    }

    /** Sets these checks of the submission (others it has stay); the submission's checks after. */
    List<Check> put(String templateId, String submissionId, List<Check> checks);

    List<Check> of(String templateId, String submissionId);

    /** Withdraws the submission's checks; false when it had none. */
    boolean delete(String templateId, String submissionId);

    /** Whether any submission of the template has a check that is not RESOLVED. */
    boolean anyUnresolved(String templateId);
}

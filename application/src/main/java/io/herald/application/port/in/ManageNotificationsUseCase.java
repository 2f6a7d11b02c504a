package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.template.Elemental;
import io.herald.domain.template.Template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Courier's notifications (template) API over Herald's templates: a working copy (draft) that never sends, published
 * as numbered versions that sends use. {@code actor} is who makes the change (an admin key's fingerprint).
 */
public interface ManageNotificationsUseCase {

    /** What Courier's {@code NotificationTemplatePayload} carries. */
    record Payload(String name, Elemental content, Optional<String> brandId, Optional<String> topicId, List<String> tags) {
    }

    /**
     * A template as the notifications API shows it: the version asked for (a published one carries its number; the
     * working copy, once changed, none), and its draft's bookkeeping.
     */
    record View(Template template, TemplateRepository.Draft draft) {
    }

    /** Which version to read: the working copy, the published one, or a number. */
    sealed interface Which {
        record DraftCopy() implements Which {
        }

        record Published() implements Which {
        }

        record Numbered(int number) implements Which {
        }
    }

    View create(Payload payload, boolean publish, String actor);

    /** Replaces name, content, brand, topic and tags of the draft; Herald's own fields (events, routing) stay. */
    View replace(String templateId, Payload payload, boolean publish, String actor);

    View get(String templateId, Which which);

    Page<View> list(Optional<String> cursor, int limit);

    /** The published templates a track event of that name sends, as sends find them. */
    List<View> mappedTo(String event);

    void archive(String templateId);

    Page<TemplateRepository.Version> versions(String templateId, Optional<String> cursor, int limit);

    /** Publishes the draft, or (given a number) that version again as the next one. */
    View publish(String templateId, Optional<Integer> version, String actor);

    View putContent(String templateId, Elemental content, boolean publish, String actor);

    /** Replaces the draft's element with that id (at any depth). */
    View putElement(String templateId, String elementId, Map<String, Object> element, boolean publish, String actor);

    /**
     * Sets checks of a submission (Courier's submission checks: {@code RESOLVED}, {@code FAILED} or {@code PENDING},
     * type {@code custom}). While any check of the notification is not RESOLVED it is not published.
     */
    List<io.herald.application.port.out.NotificationChecks.Check> putChecks(String templateId, String submissionId, List<Map<String, Object>> checks);

    List<io.herald.application.port.out.NotificationChecks.Check> checks(String templateId, String submissionId);

    /** Withdraws a submission's checks. */
    void deleteChecks(String templateId, String submissionId);

    /** Sets each element's text in {@code locale} ({@code elements: [{id, ...fields}]}), used when the profile's locale matches. */
    View putLocale(String templateId, String locale, List<Map<String, Object>> elements, boolean publish, String actor);
}

package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.template.Template;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Templates as sends use them (the published version), with each template's working copy (its draft) and every
 * version published, for Courier's notifications API.
 */
public interface TemplateRepository {

    /** A template's working copy; {@code hasChanges} when it differs from what was last published. */
    record Draft(Template template, boolean hasChanges, Instant created, String creator, Instant updated, String updater) {
    }

    /** A published version. */
    record Version(int number, Instant created, String creator) {
    }

    Optional<Template> find(String templateId);

    /** The templates mapped to the event of that name, by id. */
    List<Template> findByEvent(String event);

    /** For each of the given event names that templates are mapped to, those templates, by id. */
    Map<String, List<Template>> findByEvents(Collection<String> events);

    /** Stores the template as sends use it, as it is (no version, no draft): how tests and fixtures set one up. */
    void save(Template template);

    /** Deletes the template, its draft and its versions; false when there was none. */
    boolean delete(String templateId);

    Optional<Draft> draft(String templateId);

    /** Saves the working copy; sends go on using the published version. */
    void saveDraft(Template template, String actor, Instant at);

    /**
     * Publishes {@code template} as the next version (one more than the last, under a lock on the template): it becomes
     * what sends use and the working copy. The template as published, with its version number.
     */
    Template publish(Template template, String actor, Instant at);

    Optional<Template> version(String templateId, int number);

    /** The published versions, newest first. */
    Page<Version> versions(String templateId, Optional<String> cursor, int limit);

    /** Every workspace template's working copy, by id: drafts never published among them. */
    Page<Draft> drafts(Optional<String> cursor, int limit);

    /** The working copies of a tenant's own versions of workspace templates, by id. */
    Page<Draft> tenantDrafts(String tenantId, Optional<String> cursor, int limit);

    /**
     * Where a tenant's version of workspace template {@code templateId} is kept, as a template of its own: under
     * {@code tenant/<tenant id>/}. Workspace listings leave these out, and workspace template ids may not start so.
     */
    static String tenantTemplateId(String tenantId, String templateId) {
        return "tenant/" + tenantId + "/" + templateId;
    }

    Page<Template> list(Optional<String> cursor, int limit);
}

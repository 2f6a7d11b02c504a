package io.herald.application.port.out;

import io.herald.domain.preference.PreferenceSection;
import io.herald.domain.preference.WorkspaceTopic;

import java.util.List;
import java.util.Optional;

/** The workspace's preference sections and their topics. Sections and topics are listed in the order they were created. */
public interface WorkspacePreferenceRepository {

    /** False, storing nothing, when the id is taken. */
    boolean insertSection(PreferenceSection section);

    /** Replaces every field but the creation; false when there is no such section. */
    boolean updateSection(PreferenceSection section);

    Optional<PreferenceSection> findSection(String sectionId);

    List<PreferenceSection> sections();

    /** False when there is no such section. */
    boolean deleteSection(String sectionId);

    /** False, storing nothing, when the id is taken (in any section: a topic id is the workspace's). */
    boolean insertTopic(WorkspaceTopic topic);

    boolean updateTopic(WorkspaceTopic topic);

    Optional<WorkspaceTopic> findTopic(String topicId);

    List<WorkspaceTopic> topicsOf(String sectionId);

    /** Every topic, in section order and then creation order. */
    List<WorkspaceTopic> topics();

    boolean deleteTopic(String topicId);
}

package io.herald.application.port.in;

import io.herald.domain.preference.PreferenceSection;
import io.herald.domain.preference.WorkspaceTopic;

import java.util.List;
import java.util.Optional;

/**
 * The workspace's preference sections and subscription topics (Courier's workspace preferences, DESIGN §13). Unknown
 * sections and topics are a NotFoundException, a taken id or deleting a section that still has topics a
 * ConflictException, and going past {@link #MAX_SECTIONS} or {@link #MAX_TOPICS_PER_SECTION} an InvalidValueException.
 */
public interface ManageWorkspacePreferencesUseCase {

    int MAX_SECTIONS = 100;
    int MAX_TOPICS_PER_SECTION = 100;

    record SectionView(PreferenceSection section, List<WorkspaceTopic> topics) {
    }

    /** @param id the section's id, generated ({@code sec_…}) when empty */
    SectionView createSection(Optional<String> id, PreferenceSection.Fields fields, String actor);

    SectionView section(String sectionId);

    List<SectionView> sections();

    SectionView replaceSection(String sectionId, PreferenceSection.Fields fields, String actor);

    void deleteSection(String sectionId);

    /** @param id the topic's id, generated ({@code top_…}) when empty */
    WorkspaceTopic createTopic(String sectionId, Optional<String> id, WorkspaceTopic.Fields fields, String actor);

    WorkspaceTopic topic(String sectionId, String topicId);

    List<WorkspaceTopic> topics(String sectionId);

    WorkspaceTopic replaceTopic(String sectionId, String topicId, WorkspaceTopic.Fields fields, String actor);

    void deleteTopic(String sectionId, String topicId);
}

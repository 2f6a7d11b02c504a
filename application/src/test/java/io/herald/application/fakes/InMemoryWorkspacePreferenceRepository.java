package io.herald.application.fakes;

import io.herald.application.port.out.WorkspacePreferenceRepository;
import io.herald.domain.preference.PreferenceSection;
import io.herald.domain.preference.WorkspaceTopic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryWorkspacePreferenceRepository implements WorkspacePreferenceRepository {

    private final Map<String, PreferenceSection> sections = new LinkedHashMap<>();
    private final Map<String, WorkspaceTopic> topics = new LinkedHashMap<>();

    @Override
    public synchronized boolean insertSection(PreferenceSection section) {
        return sections.putIfAbsent(section.id(), section) == null;
    }

    @Override
    public synchronized boolean updateSection(PreferenceSection section) {
        return sections.replace(section.id(), section) != null;
    }

    @Override
    public synchronized Optional<PreferenceSection> findSection(String sectionId) {
        return Optional.ofNullable(sections.get(sectionId));
    }

    @Override
    public synchronized List<PreferenceSection> sections() {
        return List.copyOf(sections.values());
    }

    @Override
    public synchronized boolean deleteSection(String sectionId) {
        return sections.remove(sectionId) != null;
    }

    @Override
    public synchronized boolean insertTopic(WorkspaceTopic topic) {
        return topics.putIfAbsent(topic.id(), topic) == null;
    }

    @Override
    public synchronized boolean updateTopic(WorkspaceTopic topic) {
        return topics.replace(topic.id(), topic) != null;
    }

    @Override
    public synchronized Optional<WorkspaceTopic> findTopic(String topicId) {
        return Optional.ofNullable(topics.get(topicId));
    }

    @Override
    public synchronized List<WorkspaceTopic> topicsOf(String sectionId) {
        return topics.values().stream().filter(topic -> topic.sectionId().equals(sectionId)).toList();
    }

    @Override
    public synchronized List<WorkspaceTopic> topics() {
        return sections.keySet().stream().flatMap(section -> topicsOf(section).stream()).toList();
    }

    @Override
    public synchronized boolean deleteTopic(String topicId) {
        return topics.remove(topicId) != null;
    }
}

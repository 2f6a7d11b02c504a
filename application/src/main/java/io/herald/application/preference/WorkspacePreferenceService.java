package io.herald.application.preference;

import io.herald.application.errors.ConflictException;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ManageWorkspacePreferencesUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.WorkspacePreferenceRepository;
import io.herald.domain.preference.PreferenceSection;
import io.herald.domain.preference.WorkspaceTopic;
import io.herald.domain.shared.InvalidValueException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sections and topics as Courier's workspace preferences define them. A topic is addressed under its section, and is
 * a 404 under any other, as Courier answers; its id is the workspace's, since it is what sends and user preferences name.
 */
public final class WorkspacePreferenceService implements ManageWorkspacePreferencesUseCase {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkspacePreferenceRepository store;
    private final Clock clock;

    public WorkspacePreferenceService(WorkspacePreferenceRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public SectionView createSection(Optional<String> id, PreferenceSection.Fields fields, String actor) {
        if (store.sections().size() >= MAX_SECTIONS) {
            throw new InvalidValueException("The workspace has " + MAX_SECTIONS + " preference sections, the most it may have");
        }
        Instant now = clock.now();
        PreferenceSection section = new PreferenceSection(id.map(WorkspacePreferenceService::checkedId).orElseGet(() -> generated("sec_")),
                fields.name(), fields.description(), fields.hasCustomRouting(), fields.routingOptions(), now, now, actor, actor);
        if (!store.insertSection(section)) {
            throw new ConflictException("A preference section '" + section.id() + "' exists already");
        }
        return new SectionView(section, List.of());
    }

    @Override
    public SectionView section(String sectionId) {
        return new SectionView(sectionOf(sectionId), store.topicsOf(sectionId));
    }

    @Override
    public List<SectionView> sections() {
        List<WorkspaceTopic> topics = store.topics();
        return store.sections().stream().map(section -> new SectionView(section,
                topics.stream().filter(topic -> topic.sectionId().equals(section.id())).toList())).toList();
    }

    @Override
    public SectionView replaceSection(String sectionId, PreferenceSection.Fields fields, String actor) {
        PreferenceSection replaced = sectionOf(sectionId).with(fields, clock.now(), actor);
        store.updateSection(replaced);
        return new SectionView(replaced, store.topicsOf(sectionId));
    }

    @Override
    public void deleteSection(String sectionId) {
        sectionOf(sectionId);
        int topics = store.topicsOf(sectionId).size();
        if (topics > 0) {
            throw new ConflictException("Preference section '" + sectionId + "' still has " + topics + " topics: delete them first");
        }
        store.deleteSection(sectionId);
    }

    @Override
    public WorkspaceTopic createTopic(String sectionId, Optional<String> id, WorkspaceTopic.Fields fields, String actor) {
        sectionOf(sectionId);
        if (store.topicsOf(sectionId).size() >= MAX_TOPICS_PER_SECTION) {
            throw new InvalidValueException("Preference section '" + sectionId + "' has " + MAX_TOPICS_PER_SECTION + " topics, the most it may have");
        }
        Instant now = clock.now();
        WorkspaceTopic topic = new WorkspaceTopic(id.map(WorkspacePreferenceService::checkedId).orElseGet(() -> generated("top_")), sectionId,
                fields.name(), fields.description(), fields.defaultStatus(), fields.allowedPreferences(), fields.includeUnsubscribeHeader(),
                fields.routingOptions(), fields.topicData(), now, now, actor, actor);
        if (!store.insertTopic(topic)) {
            throw new ConflictException("A topic '" + topic.id() + "' exists already");
        }
        return topic;
    }

    @Override
    public WorkspaceTopic topic(String sectionId, String topicId) {
        sectionOf(sectionId);
        return store.findTopic(topicId).filter(topic -> topic.sectionId().equals(sectionId))
                .orElseThrow(() -> new NotFoundException("No topic '" + topicId + "' in preference section '" + sectionId + "'"));
    }

    @Override
    public List<WorkspaceTopic> topics(String sectionId) {
        sectionOf(sectionId);
        return store.topicsOf(sectionId);
    }

    @Override
    public WorkspaceTopic replaceTopic(String sectionId, String topicId, WorkspaceTopic.Fields fields, String actor) {
        WorkspaceTopic replaced = topic(sectionId, topicId).with(fields, clock.now(), actor);
        store.updateTopic(replaced);
        return replaced;
    }

    @Override
    public void deleteTopic(String sectionId, String topicId) {
        topic(sectionId, topicId);
        store.deleteTopic(topicId);
    }

    private PreferenceSection sectionOf(String sectionId) {
        return store.findSection(sectionId).orElseThrow(() -> new NotFoundException("No preference section '" + sectionId + "'"));
    }

    private static String checkedId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidValueException("id must be 1 to 128 letters, digits and . _ : -");
        }
        return id;
    }

    private static String generated(String prefix) {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}

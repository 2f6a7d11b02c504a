package io.herald.persistence.preference;

import io.herald.application.port.out.WorkspacePreferenceRepository;
import io.herald.domain.preference.PreferenceSection;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.WorkspaceTopic;
import io.herald.domain.routing.Channel;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
@Transactional
class JdbcWorkspacePreferenceRepository implements WorkspacePreferenceRepository {

    private static final String SECTION_COLUMNS = "section_id, name, description, has_custom_routing, routing_options::text AS routing_options, "
            + "created_at, updated_at, creator, updater";
    private static final String TOPIC_COLUMNS = "t.topic_id, t.section_id, t.name, t.description, t.default_status, "
            + "t.allowed_preferences::text AS allowed_preferences, t.include_unsubscribe_header, t.routing_options::text AS routing_options, "
            + "t.topic_data::text AS topic_data, t.created_at, t.updated_at, t.creator, t.updater";

    private final Db db;

    JdbcWorkspacePreferenceRepository(Db db) {
        this.db = db;
    }

    @Override
    public boolean insertSection(PreferenceSection section) {
        return db.update("""
                INSERT INTO preference_sections (section_id, name, description, has_custom_routing, routing_options, created_at, updated_at,
                    creator, updater)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?) ON CONFLICT (section_id) DO NOTHING""", statement -> {
            statement.setString(1, section.id());
            statement.setString(2, section.name());
            statement.setString(3, section.description().orElse(null));
            statement.setBoolean(4, section.hasCustomRouting());
            statement.setString(5, db.toJson(names(section.routingOptions())));
            statement.setObject(6, Db.timestamp(section.created()));
            statement.setObject(7, Db.timestamp(section.updated()));
            statement.setString(8, section.creator());
            statement.setString(9, section.updater());
        }) == 1;
    }

    @Override
    public boolean updateSection(PreferenceSection section) {
        return db.update("UPDATE preference_sections SET name = ?, description = ?, has_custom_routing = ?, routing_options = CAST(? AS jsonb), "
                + "updated_at = ?, updater = ? WHERE section_id = ?", statement -> {
                    statement.setString(1, section.name());
                    statement.setString(2, section.description().orElse(null));
                    statement.setBoolean(3, section.hasCustomRouting());
                    statement.setString(4, db.toJson(names(section.routingOptions())));
                    statement.setObject(5, Db.timestamp(section.updated()));
                    statement.setString(6, section.updater());
                    statement.setString(7, section.id());
                }) == 1;
    }

    @Override
    public Optional<PreferenceSection> findSection(String sectionId) {
        return db.queryOne("SELECT " + SECTION_COLUMNS + " FROM preference_sections WHERE section_id = ?",
                statement -> statement.setString(1, sectionId), this::section);
    }

    @Override
    public List<PreferenceSection> sections() {
        return db.query("SELECT " + SECTION_COLUMNS + " FROM preference_sections ORDER BY position", statement -> { }, this::section);
    }

    @Override
    public boolean deleteSection(String sectionId) {
        return db.update("DELETE FROM preference_sections WHERE section_id = ?", statement -> statement.setString(1, sectionId)) == 1;
    }

    @Override
    public boolean insertTopic(WorkspaceTopic topic) {
        return db.update("""
                INSERT INTO preference_topics (topic_id, section_id, name, description, default_status, allowed_preferences,
                    include_unsubscribe_header, routing_options, topic_data, created_at, updated_at, creator, updater)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?) ON CONFLICT (topic_id) DO NOTHING""",
                statement -> {
                    statement.setString(1, topic.id());
                    statement.setString(2, topic.sectionId());
                    statement.setString(3, topic.name());
                    statement.setString(4, topic.description().orElse(null));
                    statement.setString(5, topic.defaultStatus().name());
                    statement.setString(6, db.toJson(topic.allowedPreferences()));
                    statement.setBoolean(7, topic.includeUnsubscribeHeader());
                    statement.setString(8, db.toJson(names(topic.routingOptions())));
                    statement.setString(9, db.toJson(topic.topicData()));
                    statement.setObject(10, Db.timestamp(topic.created()));
                    statement.setObject(11, Db.timestamp(topic.updated()));
                    statement.setString(12, topic.creator());
                    statement.setString(13, topic.updater());
                }) == 1;
    }

    @Override
    public boolean updateTopic(WorkspaceTopic topic) {
        return db.update("UPDATE preference_topics SET name = ?, description = ?, default_status = ?, allowed_preferences = CAST(? AS jsonb), "
                + "include_unsubscribe_header = ?, routing_options = CAST(? AS jsonb), topic_data = CAST(? AS jsonb), updated_at = ?, updater = ? "
                + "WHERE topic_id = ?", statement -> {
                    statement.setString(1, topic.name());
                    statement.setString(2, topic.description().orElse(null));
                    statement.setString(3, topic.defaultStatus().name());
                    statement.setString(4, db.toJson(topic.allowedPreferences()));
                    statement.setBoolean(5, topic.includeUnsubscribeHeader());
                    statement.setString(6, db.toJson(names(topic.routingOptions())));
                    statement.setString(7, db.toJson(topic.topicData()));
                    statement.setObject(8, Db.timestamp(topic.updated()));
                    statement.setString(9, topic.updater());
                    statement.setString(10, topic.id());
                }) == 1;
    }

    @Override
    public Optional<WorkspaceTopic> findTopic(String topicId) {
        return db.queryOne("SELECT " + TOPIC_COLUMNS + " FROM preference_topics t WHERE t.topic_id = ?",
                statement -> statement.setString(1, topicId), this::topic);
    }

    @Override
    public List<WorkspaceTopic> topicsOf(String sectionId) {
        return db.query("SELECT " + TOPIC_COLUMNS + " FROM preference_topics t WHERE t.section_id = ? ORDER BY t.position",
                statement -> statement.setString(1, sectionId), this::topic);
    }

    @Override
    public List<WorkspaceTopic> topics() {
        return db.query("SELECT " + TOPIC_COLUMNS + " FROM preference_topics t JOIN preference_sections s ON s.section_id = t.section_id "
                + "ORDER BY s.position, t.position", statement -> { }, this::topic);
    }

    @Override
    public boolean deleteTopic(String topicId) {
        return db.update("DELETE FROM preference_topics WHERE topic_id = ?", statement -> statement.setString(1, topicId)) == 1;
    }

    private static List<String> names(List<Channel> channels) {
        return channels.stream().map(Channel::wireName).toList();
    }

    private List<Channel> channels(String json) {
        return db.jsonValue(json) instanceof List<?> names
                ? names.stream().map(name -> Channel.find(String.valueOf(name))).flatMap(Optional::stream).toList() : List.of();
    }

    private List<String> strings(String json) {
        return db.jsonValue(json) instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }

    private PreferenceSection section(ResultSet row) throws SQLException {
        return new PreferenceSection(row.getString("section_id"), row.getString("name"), Optional.ofNullable(row.getString("description")),
                row.getBoolean("has_custom_routing"), channels(row.getString("routing_options")), Db.instant(row, "created_at"),
                Db.instant(row, "updated_at"), row.getString("creator"), row.getString("updater"));
    }

    private WorkspaceTopic topic(ResultSet row) throws SQLException {
        return new WorkspaceTopic(row.getString("topic_id"), row.getString("section_id"), row.getString("name"),
                Optional.ofNullable(row.getString("description")), PreferenceStatus.valueOf(row.getString("default_status")),
                strings(row.getString("allowed_preferences")), row.getBoolean("include_unsubscribe_header"),
                channels(row.getString("routing_options")), db.jsonObject(row.getString("topic_data")), Db.instant(row, "created_at"),
                Db.instant(row, "updated_at"), row.getString("creator"), row.getString("updater"));
    }
}

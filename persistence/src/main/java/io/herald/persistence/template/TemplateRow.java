package io.herald.persistence.template;

import io.herald.domain.template.Template;
import io.herald.persistence.support.StoredFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A row of {@code templates}: the template as {@code PUT /templates/{id}} takes it, in its stored format (ADR 0007). */
@MappedEntity("templates")
record TemplateRow(
        @Id String templateId,
        String name,
        @Nullable String topic,
        @Nullable String brandId,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> events,
        @TypeDef(type = DataType.JSON) Map<String, Object> routing,
        @TypeDef(type = DataType.JSON) Map<String, Object> channels,
        @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> content,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> tags,
        @Nullable Integer version,
        int definitionFormat) {

    @SuppressWarnings("unchecked")
    static TemplateRow of(Template template) {
        Map<String, Object> json = template.toJson();
        return new TemplateRow(template.id(), template.name(), template.topic().orElse(null),
                template.brand().orElse(null), template.events(),
                (Map<String, Object>) json.get("routing"), (Map<String, Object>) json.getOrDefault("channels", Map.of()),
                (Map<String, Object>) json.get("content"), template.tags(), template.version().orElse(null),
                StoredFormat.TEMPLATE.current());
    }

    Template toTemplate() {
        StoredFormat.TEMPLATE.check(definitionFormat, templateId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("topic", topic);
        json.put("brand", brandId);
        json.put("events", events);
        json.put("routing", routing);
        if (content != null) {
            json.put("content", content);
        } else {
            json.put("channels", channels);
        }
        json.put("tags", tags == null ? List.of() : tags);
        json.put("version", version);
        return Template.parse(templateId, json);
    }
}

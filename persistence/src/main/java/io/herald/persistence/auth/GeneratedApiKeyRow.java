package io.herald.persistence.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The one row of {@code generated_api_key} (its id is always 1). */
@MappedEntity("generated_api_key")
record GeneratedApiKeyRow(@Id short id, String keyHash) {

    static final short ONLY = 1;
}

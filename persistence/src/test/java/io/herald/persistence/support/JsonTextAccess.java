package io.herald.persistence.support;

import java.io.IOException;
import java.util.Map;

/** {@link JsonText} for tests outside its package. */
public final class JsonTextAccess {

    private JsonTextAccess() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String json) throws IOException {
        return (Map<String, Object>) JsonText.read(json);
    }
}

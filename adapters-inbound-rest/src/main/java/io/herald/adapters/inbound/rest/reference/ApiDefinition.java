package io.herald.adapters.inbound.rest.reference;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The API reference's front matter: the document itself is generated at build time from this module's controllers
 * and served at {@code /openapi.yml}.
 */
@OpenAPIDefinition(info = @Info(title = "Herald", version = "1",
        description = "Herald's REST API: the shapes of Courier's API (send, messages, profiles, lists, preferences, automations,"
                + " inbox), so the Courier SDKs work against it by changing their base URL. Every call takes an admin key as"
                + " `Authorization: Bearer <key>`; a user's inbox, preferences and tokens also take that user's client token."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
final class ApiDefinition {

    private ApiDefinition() {
    }
}

package io.herald.bootstrap.wiring;

import io.herald.application.port.in.ManageProfilesUseCase;
import io.herald.application.port.in.ManagePushTokensUseCase;
import io.herald.application.port.in.ManageTenantTemplatesUseCase;
import io.herald.application.port.in.ManageTenantsUseCase;
import io.herald.application.port.in.QueryTenantsUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.PersonalDataEraser;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.PushTokenRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.TenantRepository;
import io.herald.application.profile.ProfileService;
import io.herald.application.template.TemplateRenderer;
import io.herald.application.tenant.TenantService;
import io.herald.application.tenant.TenantTemplateService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

@Factory
class ProfileFactory {

    @Singleton
    @Bean(typed = ProfileService.class)
    ProfileService profileService(ProfileRepository profiles, PushTokenRepository tokens, PersonalDataEraser eraser) {
        return new ProfileService(profiles, tokens, eraser);
    }

    @Singleton
    @Transactional
    ManageProfilesUseCase manageProfiles(ProfileService service) {
        return service;
    }

    @Singleton
    @Transactional
    ManagePushTokensUseCase managePushTokens(ProfileService service) {
        return service;
    }

    @Singleton
    @Bean(typed = TenantService.class)
    TenantService tenantService(TenantRepository tenants, ProfileRepository profiles, PreferenceRepository preferences, Clock clock) {
        return new TenantService(tenants, profiles, preferences, clock);
    }

    @Singleton
    @Transactional
    ManageTenantTemplatesUseCase manageTenantTemplates(TemplateRepository templates, TenantRepository tenants, TemplateRenderer renderer,
                                                       Clock clock) {
        return new TenantTemplateService(templates, tenants, renderer, clock);
    }

    @Singleton
    @ReadOnly
    QueryTenantsUseCase queryTenants(TenantService service) {
        return service;
    }

    @Singleton
    @Transactional
    ManageTenantsUseCase manageTenants(TenantService service) {
        return service;
    }
}

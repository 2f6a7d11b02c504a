package io.herald.bootstrap.wiring;

import io.herald.application.audit.AuditService;
import io.herald.application.brand.BrandService;
import io.herald.application.port.in.AuditWritesUseCase;
import io.herald.application.port.in.ManageBrandsUseCase;
import io.herald.application.port.in.ManageTranslationsUseCase;
import io.herald.application.port.out.AuditLog;
import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.TranslationRepository;
import io.herald.application.translation.TranslationService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** What belongs to the workspace as a whole: its brands, and the audit trail of writes to it. */
@Factory
class WorkspaceFactory {

    @Singleton
    @Transactional
    ManageBrandsUseCase manageBrands(BrandRepository brands, Clock clock) {
        return new BrandService(brands, clock);
    }

    @Singleton
    @Transactional
    ManageTranslationsUseCase manageTranslations(TranslationRepository translations, Clock clock) {
        return new TranslationService(translations, clock);
    }

    @Singleton
    @Transactional
    AuditWritesUseCase auditWrites(AuditLog log, Clock clock) {
        return new AuditService(log, clock);
    }
}

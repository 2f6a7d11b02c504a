package io.herald.application.translation;

import io.herald.application.port.in.ManageTranslationsUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.TranslationRepository;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Catalog;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

public final class TranslationService implements ManageTranslationsUseCase {

    private static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final TranslationRepository translations;
    private final Clock clock;

    public TranslationService(TranslationRepository translations, Clock clock) {
        this.translations = translations;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String domain, String locale) {
        return translations.find(check(domain, "domain"), check(locale, "locale"));
    }

    @Override
    public void put(String domain, String locale, String po) {
        check(domain, "domain");
        check(locale, "locale");
        if (po == null) {
            throw new InvalidValueException("the body must be the .po file, as a JSON string or text/plain");
        }
        if (po.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidValueException("a translation file is at most 1 MB");
        }
        Catalog.parsePo(domain, locale, po);
        translations.put(domain, locale, po, clock.now());
    }

    private static String check(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidValueException(what + " must be 1 to 64 letters, digits or . _ - (a locale such as fr or fr-CA)");
        }
        return value;
    }
}

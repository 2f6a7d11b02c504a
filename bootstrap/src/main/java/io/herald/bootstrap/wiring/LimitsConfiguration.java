package io.herald.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code herald.limits.*}: what rendering a template may produce.
 *
 * @param renderBytes   bytes of one rendered field
 * @param templateDepth nesting of blocks and partials
 */
@ConfigurationProperties("herald.limits")
record LimitsConfiguration(
        @Bindable(defaultValue = "1048576") int renderBytes,
        @Bindable(defaultValue = "64") int templateDepth) {
}

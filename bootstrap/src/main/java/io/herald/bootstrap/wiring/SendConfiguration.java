package io.herald.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code herald.send.*}: the send API.
 *
 * @param listPageSize                how many subscribers of a list one page of its send covers, each page its own
 *                                    transaction
 * @param maxRecipients               how many recipients {@code to} may name (a list counts as one)
 * @param writers                     threads that write concurrent sends, sharing transactions (group commit)
 * @param maxRecipientsPerTransaction recipients one shared transaction takes at most
 */
@ConfigurationProperties("herald.send")
record SendConfiguration(
        @Bindable(defaultValue = "500") int listPageSize,
        @Bindable(defaultValue = "1000") int maxRecipients,
        @Bindable(defaultValue = "2") int writers,
        @Bindable(defaultValue = "1000") int maxRecipientsPerTransaction) {
}

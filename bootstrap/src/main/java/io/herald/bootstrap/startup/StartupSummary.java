package io.herald.bootstrap.startup;

import io.herald.adapters.outbound.segment.FeedbackSettings;
import io.herald.persistence.durable.SchedulerSettings;
import io.herald.persistence.embedded.EmbeddedPostgresSettings;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * What an operator reads first (DESIGN §10): where Herald listens, which database it uses, each channel's
 * providers in failover order, and whether feedback and durable work are on. Never a credential.
 */
@Singleton
class StartupSummary implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSummary.class);

    private final Environment environment;
    private final FeedbackSettings feedback;
    private final SchedulerSettings scheduler;
    private final EmbeddedPostgresSettings embeddedPostgres;

    StartupSummary(Environment environment, FeedbackSettings feedback, SchedulerSettings scheduler,
                   EmbeddedPostgresSettings embeddedPostgres) {
        this.environment = environment;
        this.feedback = feedback;
        this.scheduler = scheduler;
        this.embeddedPostgres = embeddedPostgres;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.info("Herald is listening on {}", event.getSource().getURL());
        LOG.info("Database: {}", database());
        ConfigurationCheck configuration = new ConfigurationCheck(environment);
        configuration.channelProviders().forEach((channel, providers) ->
                LOG.info("Channel {}: {}", channel.wireName(), String.join(" -> ", providers)));
        configuration.configuredButUnused().forEach(provider -> LOG.warn(
                "Provider {} is configured (herald.providers.{}.*) but no channel names it: set herald.channels.<channel>.providers",
                provider, provider));
        String writeKey = feedback.writeKey();
        LOG.info("Feedback to Segment: {}", writeKey == null || writeKey.isBlank()
                ? "off (set herald.segment.feedback.write-key to turn it on)" : "on, to " + feedback.endpoint());
        LOG.info("Durable work: {}", scheduler.enabled()
                ? "on, " + scheduler.threads() + " threads"
                : "off (herald.scheduler.enabled=false: this instance stores work and another runs it)");
    }

    private String database() {
        return environment.getProperty("datasources.default.url", String.class)
                .map(StartupSummary::hostPortDatabase)
                .orElseGet(() -> "embedded PostgreSQL, data in " + embeddedPostgres.dataDir());
    }

    /** {@code jdbc:postgresql://db.internal:5432/herald?ssl=true} → {@code db.internal:5432/herald}: no parameters, no password. */
    static String hostPortDatabase(String jdbcUrl) {
        try {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + (uri.getPath() == null ? "" : uri.getPath());
        } catch (RuntimeException e) {
            return "PostgreSQL (datasources.default.url)";
        }
    }

}

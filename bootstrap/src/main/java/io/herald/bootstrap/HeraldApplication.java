package io.herald.bootstrap;

import io.herald.bootstrap.startup.ConfigurationCheck;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Starts Herald: {@code java -jar bootstrap/target/herald.jar}. The configuration is checked before anything
 * starts (no embedded PostgreSQL, no port): a misconfigured Herald exits with status 2 and one line per problem
 * rather than starting as if healthy.
 */
public final class HeraldApplication {

    /** The exit status of a start refused for its configuration. */
    public static final int CONFIGURATION_ERROR = 2;
    private static final Logger LOG = LoggerFactory.getLogger(HeraldApplication.class);

    private HeraldApplication() {
    }

    public static void main(String[] args) {
        List<String> problems = configurationProblems(args);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.error("Configuration: {}", problem));
            LOG.error("Herald did not start: {} configuration problem{} (see above)", problems.size(), problems.size() == 1 ? "" : "s");
            System.exit(CONFIGURATION_ERROR);
        }
        Micronaut.build(args)
                .mainClass(HeraldApplication.class)
                .banner(false)
                .start();
    }

    /** Reads the configuration as the application will (files, environment, system properties, arguments). */
    private static List<String> configurationProblems(String[] args) {
        try (ApplicationContext probe = ApplicationContext.builder(HeraldApplication.class).args(args).build()) {
            Environment environment = probe.getEnvironment();
            environment.start();
            try {
                return new ConfigurationCheck(environment).problems();
            } finally {
                environment.stop();
            }
        }
    }
}

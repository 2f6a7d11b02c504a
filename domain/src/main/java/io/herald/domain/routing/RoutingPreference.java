package io.herald.domain.routing;

import java.util.List;

/**
 * What routing reads of the recipient's preference for the message's topic. The preference model implements it, so
 * that routing does not depend on the preference package, which names channels and so depends on routing.
 */
public interface RoutingPreference {

    String topicId();

    boolean optedOut();

    /** When true, {@link #customRouting()} holds the only channels the recipient wants for the topic. */
    boolean hasCustomRouting();

    List<Channel> customRouting();
}

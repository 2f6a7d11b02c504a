package io.herald.domain.routing;

import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.DeliveryPlan.Target;
import io.herald.domain.routing.RoutingDecision.Routed;
import io.herald.domain.routing.RoutingDecision.Unroutable;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.herald.domain.routing.Channel.EMAIL;
import static io.herald.domain.routing.Channel.INBOX;
import static io.herald.domain.routing.Channel.PUSH;
import static io.herald.domain.routing.Channel.SMS;
import static io.herald.domain.routing.Routings.group;
import static io.herald.domain.routing.Routings.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingPlannerTest {

    private static final Reachability EVERYWHERE = Reachability.of(true, true, true, true);
    private static final Set<Channel> EVERY_PROVIDER = EnumSet.allOf(Channel.class);
    private static final RoutingNode.Group EMAIL_SMS_PUSH = group("single", "email", "sms", "push");

    private static TopicPreference preference(PreferenceStatus status, boolean hasCustomRouting, Channel... customRouting) {
        return new TopicPreference(UserId.of("u1"), "billing", status, hasCustomRouting, List.of(customRouting));
    }

    private static DeliveryPlan routed(RoutingDecision decision) {
        assertThat(decision).isInstanceOf(Routed.class);
        return ((Routed) decision).plan();
    }

    private static Unroutable unroutable(RoutingDecision decision) {
        assertThat(decision).isInstanceOf(Unroutable.class);
        return (Unroutable) decision;
    }

    @Test
    void aRecipientReachableEverywhereIsRoutedOnTheWholeTree() {
        RoutingNode.Group routing = group("single", "email", tree("all", "sms", "push"));

        DeliveryPlan plan = routed(RoutingPlanner.plan(routing, EVERYWHERE, Optional.empty(), EVERY_PROVIDER));

        assertThat(plan.routing()).isEqualTo(routing);
        assertThat(plan.due()).containsExactly(new Target("0", EMAIL));
    }

    @Test
    void eachAddressMakesItsChannelReachable() {
        assertThat(Reachability.of(true, false, false, false).channels()).containsExactly(EMAIL);
        assertThat(Reachability.of(false, true, false, false).channels()).containsExactly(SMS);
        assertThat(Reachability.of(false, false, true, false).channels()).containsExactly(PUSH);
        assertThat(Reachability.of(false, false, false, true).channels()).containsExactly(INBOX);
        assertThat(Reachability.of(false, false, false, false).channels()).isEmpty();
    }

    @Test
    void singleRoutingFallsThroughToTheNextChannelWhenTheFirstHasNoAddress() {
        DeliveryPlan plan = routed(RoutingPlanner.plan(EMAIL_SMS_PUSH, Reachability.of(false, true, true, false),
                Optional.empty(), EVERY_PROVIDER));

        assertThat(plan.routing()).isEqualTo(group("single", "sms", "push"));
        assertThat(plan.due()).containsExactly(new Target("0", SMS));
    }

    @Test
    void aChannelWithoutAConfiguredProviderIsSkipped() {
        DeliveryPlan plan = routed(RoutingPlanner.plan(EMAIL_SMS_PUSH, EVERYWHERE, Optional.empty(), EnumSet.of(PUSH, SMS)));

        assertThat(plan.routing()).isEqualTo(group("single", "sms", "push"));
    }

    @Test
    void leafIdsArePathsInThePrunedTree() {
        RoutingNode.Group routing = group("single", "email", tree("all", "sms", "push"));

        DeliveryPlan plan = routed(RoutingPlanner.plan(routing, Reachability.of(false, false, true, false), Optional.empty(),
                EVERY_PROVIDER));

        assertThat(plan.routing()).isEqualTo(group("single", tree("all", "push")));
        assertThat(plan.due()).containsExactly(new Target("0.0", PUSH));
    }

    @Test
    void aRecipientWithNoAddressForAnyChannelIsUnroutableForNoChannels() {
        Unroutable decision = unroutable(RoutingPlanner.plan(group("single", "email", "sms"),
                Reachability.of(false, false, true, true), Optional.empty(), EVERY_PROVIDER));

        assertThat(decision.reason()).isEqualTo(RoutingDecision.Why.NO_CHANNELS);
        assertThat(decision.detail()).contains("[email, sms]");
    }

    @Test
    void addressesWithoutAnyConfiguredProviderAreUnroutableForNoProviders() {
        Unroutable decision = unroutable(RoutingPlanner.plan(EMAIL_SMS_PUSH, Reachability.of(true, true, false, false),
                Optional.empty(), EnumSet.of(PUSH, INBOX)));

        assertThat(decision.reason()).isEqualTo(RoutingDecision.Why.NO_PROVIDERS);
        assertThat(decision.detail()).contains("[email, sms]");
    }

    @Test
    void aRecipientWhoOptedOutOfTheTopicIsUnsubscribed() {
        Unroutable decision = unroutable(RoutingPlanner.plan(EMAIL_SMS_PUSH, EVERYWHERE,
                Optional.of(preference(PreferenceStatus.OPTED_OUT, false)), EVERY_PROVIDER));

        assertThat(decision.reason()).isEqualTo(RoutingDecision.Why.UNSUBSCRIBED);
        assertThat(decision.detail()).contains("billing");
    }

    @Test
    void requiredAndOptedInTopicsAreRoutedNormally() {
        for (PreferenceStatus status : List.of(PreferenceStatus.REQUIRED, PreferenceStatus.OPTED_IN)) {
            DeliveryPlan plan = routed(RoutingPlanner.plan(EMAIL_SMS_PUSH, EVERYWHERE, Optional.of(preference(status, false)),
                    EVERY_PROVIDER));

            assertThat(plan.routing()).as("%s", status).isEqualTo(EMAIL_SMS_PUSH);
        }
    }

    @Test
    void customRoutingNarrowsTheChannelsKeepingTheOrderOfTheRoutingTree() {
        DeliveryPlan plan = routed(RoutingPlanner.plan(EMAIL_SMS_PUSH, EVERYWHERE,
                Optional.of(preference(PreferenceStatus.OPTED_IN, true, PUSH, EMAIL)), EVERY_PROVIDER));

        assertThat(plan.routing()).isEqualTo(group("single", "email", "push"));
        assertThat(plan.due()).containsExactly(new Target("0", EMAIL));
    }

    @Test
    void theUserPreferenceStrategyTriesTheChannelsInTheOrderOfTheUsersCustomRouting() {
        RoutingNode.Group byPreference = RoutingNode.parse(Map.of("method", "single", "strategy", "user-preference",
                "channels", List.of("email", "sms", "push")), "routing");

        DeliveryPlan plan = routed(RoutingPlanner.plan(byPreference, EVERYWHERE,
                Optional.of(preference(PreferenceStatus.OPTED_IN, true, PUSH, EMAIL)), EVERY_PROVIDER));
        DeliveryPlan noPreference = routed(RoutingPlanner.plan(byPreference, EVERYWHERE, Optional.empty(), EVERY_PROVIDER));

        assertThat(plan.routing().channels()).containsExactly(PUSH, EMAIL);
        assertThat(plan.due()).containsExactly(new Target("0", PUSH));
        assertThat(noPreference.routing().channels()).as("as written without one").containsExactly(EMAIL, SMS, PUSH);
        assertThat(byPreference.toJson()).isEqualTo(Map.of("method", "single", "strategy", "user-preference",
                "channels", List.of("email", "sms", "push")));
        assertThatThrownBy(() -> RoutingNode.parse(Map.of("method", "single", "strategy", "rs_123", "channels", List.of("email")), "routing"))
                .hasMessageContaining("routing.strategy must be \"user-preference\"");
    }

    @Test
    void customRoutingThatLeavesNoChannelIsUnroutableForNoChannels() {
        Unroutable decision = unroutable(RoutingPlanner.plan(EMAIL_SMS_PUSH, EVERYWHERE,
                Optional.of(preference(PreferenceStatus.OPTED_IN, true, INBOX)), EVERY_PROVIDER));

        assertThat(decision.reason()).isEqualTo(RoutingDecision.Why.NO_CHANNELS);
    }

    @Test
    void customRoutingIsIgnoredUnlessItIsSwitchedOn() {
        DeliveryPlan plan = routed(RoutingPlanner.plan(EMAIL_SMS_PUSH, EVERYWHERE,
                Optional.of(preference(PreferenceStatus.OPTED_IN, false, INBOX)), EVERY_PROVIDER));

        assertThat(plan.routing()).isEqualTo(EMAIL_SMS_PUSH);
    }
}

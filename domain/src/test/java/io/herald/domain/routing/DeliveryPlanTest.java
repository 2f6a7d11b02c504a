package io.herald.domain.routing;

import io.herald.domain.routing.DeliveryPlan.Target;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.herald.domain.routing.Channel.EMAIL;
import static io.herald.domain.routing.Channel.INBOX;
import static io.herald.domain.routing.Channel.PUSH;
import static io.herald.domain.routing.Channel.SMS;
import static io.herald.domain.routing.DeliveryPlan.LeafState.ESCALATED;
import static io.herald.domain.routing.DeliveryPlan.LeafState.FAILED;
import static io.herald.domain.routing.DeliveryPlan.LeafState.PENDING;
import static io.herald.domain.routing.DeliveryPlan.LeafState.SENT;
import static io.herald.domain.routing.Routings.group;
import static io.herald.domain.routing.Routings.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryPlanTest {

    private static final DeliveryPlan SINGLE = DeliveryPlan.of(group("single", "email", "sms", "push"));
    private static final DeliveryPlan ALL = DeliveryPlan.of(group("all", "email", "sms", "push"));
    private static final DeliveryPlan EMAIL_THEN_SMS_AND_PUSH = DeliveryPlan.of(group("single", "email", tree("all", "sms", "push")));
    private static final DeliveryPlan INBOX_AND_EMAIL_OR_SMS = DeliveryPlan.of(group("all", "inbox", tree("single", "email", "sms")));

    @Test
    void singleRoutingIsDueOnlyOnItsFirstChannel() {
        assertThat(SINGLE.due()).containsExactly(new Target("0", EMAIL));
    }

    @Test
    void singleRoutingFallsThroughToTheNextChannelWhenTheFirstFailsPermanently() {
        assertThat(SINGLE.with("0", FAILED).due()).containsExactly(new Target("1", SMS));
        assertThat(SINGLE.with("0", FAILED).with("1", FAILED).due()).containsExactly(new Target("2", PUSH));
    }

    @Test
    void singleRoutingFallsThroughToTheNextChannelWhenTheFirstIsEscalated() {
        DeliveryPlan sent = SINGLE.with("0", SENT);

        assertThat(sent.due()).isEmpty();
        assertThat(sent.with("0", ESCALATED).due()).containsExactly(new Target("1", SMS));
    }

    @Test
    void allRoutingIsDueOnEveryChannelAtOnce() {
        assertThat(ALL.due()).containsExactly(new Target("0", EMAIL), new Target("1", SMS), new Target("2", PUSH));
        assertThat(ALL.with("1", SENT).with("2", FAILED).due()).containsExactly(new Target("0", EMAIL));
    }

    @Test
    void aSingleGroupThatFailsOverToAnAllGroupDeliversOnAllOfItsChannels() {
        assertThat(EMAIL_THEN_SMS_AND_PUSH.due()).containsExactly(new Target("0", EMAIL));
        assertThat(EMAIL_THEN_SMS_AND_PUSH.with("0", FAILED).due())
                .containsExactly(new Target("1.0", SMS), new Target("1.1", PUSH));
        assertThat(EMAIL_THEN_SMS_AND_PUSH.with("0", SENT).due()).isEmpty();
    }

    @Test
    void anAllGroupWithANestedSingleGroupDeliversOnOneChannelOfTheNestedGroup() {
        assertThat(INBOX_AND_EMAIL_OR_SMS.due()).containsExactly(new Target("0", INBOX), new Target("1.0", EMAIL));
        assertThat(INBOX_AND_EMAIL_OR_SMS.with("1.0", FAILED).due())
                .containsExactly(new Target("0", INBOX), new Target("1.1", SMS));
        assertThat(INBOX_AND_EMAIL_OR_SMS.with("0", SENT).with("1.0", FAILED).due())
                .containsExactly(new Target("1.1", SMS));
    }

    @Test
    void changingALeafLeavesTheOriginalPlanAsItWas() {
        DeliveryPlan failed = SINGLE.with("0", FAILED);

        assertThat(SINGLE.state("0")).isEqualTo(PENDING);
        assertThat(failed.state("0")).isEqualTo(FAILED);
        assertThat(failed).isNotEqualTo(SINGLE);
    }

    @Test
    void aPlanIsExhaustedWhenEveryOptionFailedOrWasEscalated() {
        assertThat(SINGLE.isExhausted()).isFalse();
        assertThat(SINGLE.with("0", FAILED).with("1", FAILED).isExhausted()).isFalse();
        assertThat(SINGLE.with("0", FAILED).with("1", ESCALATED).with("2", FAILED).isExhausted()).isTrue();
        assertThat(EMAIL_THEN_SMS_AND_PUSH.with("0", FAILED).with("1.0", FAILED).isExhausted()).isFalse();
        assertThat(EMAIL_THEN_SMS_AND_PUSH.with("0", FAILED).with("1.0", FAILED).with("1.1", FAILED).isExhausted()).isTrue();
    }

    @Test
    void anAllGroupWithOneSentChannelIsNotExhaustedWhenTheOthersFail() {
        DeliveryPlan plan = ALL.with("0", SENT).with("1", FAILED).with("2", FAILED);

        assertThat(plan.isExhausted()).isFalse();
        assertThat(plan.due()).isEmpty();
    }

    @Test
    void sentListsTheLeavesStillCountingWhileEverSentRemembersEscalatedOnes() {
        DeliveryPlan plan = ALL.with("0", ESCALATED).with("1", SENT).with("2", FAILED);

        assertThat(plan.sent()).containsExactly(new Target("1", SMS));
        assertThat(plan.everSent()).isTrue();
        assertThat(ALL.with("0", ESCALATED).sent()).isEmpty();
        assertThat(ALL.with("0", ESCALATED).everSent()).isTrue();
        assertThat(ALL.with("0", FAILED).everSent()).isFalse();
    }

    @Test
    void theJsonFormReadsBackToTheSamePlan() {
        DeliveryPlan plan = EMAIL_THEN_SMS_AND_PUSH.with("0", ESCALATED).with("1.0", SENT).with("1.1", FAILED);

        Map<String, Object> json = plan.toJson();

        assertThat(json.get("routing")).isEqualTo(tree("single", "email", tree("all", "sms", "push")));
        assertThat(json.get("leaves")).isEqualTo(Map.of("0", "ESCALATED", "1.0", "SENT", "1.1", "FAILED"));
        assertThat(DeliveryPlan.fromJson(json)).isEqualTo(plan);
        assertThat(DeliveryPlan.fromJson(DeliveryPlan.of(SINGLE.routing()).toJson())).isEqualTo(SINGLE);
    }

    @Test
    void fromJsonRefusesLeavesThatAreNotAnObject() {
        assertThatThrownBy(() -> DeliveryPlan.fromJson(Map.of("routing", tree("single", "email"), "leaves", "SENT")))
                .isInstanceOf(InvalidValueException.class).hasMessage("plan.leaves must be an object");
    }

    @Test
    void aLeafHasAFallbackWhenGivingItUpMovesTheRoutingToAnotherLeaf() {
        assertThat(SINGLE.hasFallback("0")).isTrue();
        assertThat(SINGLE.with("0", FAILED).with("1", FAILED).hasFallback("2")).as("the last channel").isFalse();
        assertThat(ALL.hasFallback("0")).as("a leaf of an all group is only dropped").isFalse();
        assertThat(EMAIL_THEN_SMS_AND_PUSH.hasFallback("0")).isTrue();
        assertThat(INBOX_AND_EMAIL_OR_SMS.hasFallback("1.0")).isTrue();
        assertThat(INBOX_AND_EMAIL_OR_SMS.hasFallback("0")).isFalse();
    }
}

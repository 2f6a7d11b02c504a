package io.herald.application.support;

import io.herald.application.support.GroupCommit.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    @Test
    void requestsQueuedDuringACommitShareTheNextOneAndEachGetsItsOwnResult() throws Exception {
        List<List<Integer>> commits = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstCommitRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        try (GroupCommit<Integer, String> groups = new GroupCommit<>("test", requests -> {
            commits.add(List.copyOf(requests));
            if (commits.size() == 1) {
                firstCommitRunning.countDown();
                await(releaseFirstCommit);
            }
            return requests.stream().<Outcome<String>>map(r -> new Outcome.Done<>("done " + r)).toList();
        }, request -> 1, 1, 100)) {
            ExecutorService callers = Executors.newFixedThreadPool(6);
            Future<String> first = callers.submit(() -> groups.submit(0));
            firstCommitRunning.await(5, TimeUnit.SECONDS);
            List<Future<String>> queued = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int request = i;
                queued.add(callers.submit(() -> groups.submit(request)));
            }
            Thread.sleep(200);
            releaseFirstCommit.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("done 0");
            for (int i = 0; i < queued.size(); i++) {
                assertThat(queued.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("done " + (i + 1));
            }
            callers.shutdown();
        }
        assertThat(commits).hasSize(2);
        assertThat(commits.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void aRequestThatFailsOnItsOwnFailsAloneAndAFailedCommitFailsTheGroup() {
        try (GroupCommit<Integer, Integer> groups = new GroupCommit<>("test", requests -> {
            if (requests.contains(13)) {
                throw new IllegalStateException("database unavailable");
            }
            return requests.stream().<Outcome<Integer>>map(r -> r < 0
                    ? new Outcome.Failed<>(new IllegalArgumentException("negative"))
                    : new Outcome.Done<>(r * 2)).toList();
        }, request -> 1, 2, 10)) {
            assertThat(groups.submit(21)).isEqualTo(42);
            assertThatThrownBy(() -> groups.submit(-1)).isInstanceOf(IllegalArgumentException.class).hasMessage("negative");
            assertThatThrownBy(() -> groups.submit(13)).isInstanceOf(IllegalStateException.class).hasMessage("database unavailable");
        }
    }

    @Test
    void whenASharedCommitFailsOnlyTheRequestThatFailsAloneIsRefused() throws Exception {
        List<List<Integer>> commits = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstCommitRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (GroupCommit<Integer, Integer> groups = new GroupCommit<>("test", requests -> {
            commits.add(List.copyOf(requests));
            if (requests.contains(0)) {
                firstCommitRunning.countDown();
                await(release);
            }
            if (requests.contains(13)) {
                throw new IllegalStateException("a value the database refuses");
            }
            return requests.stream().<Outcome<Integer>>map(r -> new Outcome.Done<>(r * 2)).toList();
        }, request -> 1, 1, 100)) {
            ExecutorService callers = Executors.newFixedThreadPool(12);
            Future<Integer> blocker = callers.submit(() -> groups.submit(0));
            firstCommitRunning.await(5, TimeUnit.SECONDS);
            List<Future<Integer>> innocent = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                int request = i;
                innocent.add(callers.submit(() -> groups.submit(request)));
            }
            Future<Integer> hostile = callers.submit(() -> groups.submit(13));
            Thread.sleep(100);
            release.countDown();

            assertThat(blocker.get(5, TimeUnit.SECONDS)).isZero();
            for (int i = 0; i < innocent.size(); i++) {
                assertThat(innocent.get(i).get(5, TimeUnit.SECONDS)).isEqualTo((i + 1) * 2);
            }
            assertThatThrownBy(() -> hostile.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            callers.shutdown();
        }
        assertThat(commits).as("the eleven queued behind the first commit shared one, which failed and was split")
                .anySatisfy(group -> assertThat(group).hasSize(11).contains(13))
                .contains(List.of(13));
    }

    @Test
    void aGroupNeverExceedsItsWeightLimit() throws Exception {
        List<Integer> weights = Collections.synchronizedList(new ArrayList<>());
        try (GroupCommit<Integer, Integer> groups = new GroupCommit<>("test", requests -> {
            weights.add(requests.stream().mapToInt(Integer::intValue).sum());
            return requests.stream().<Outcome<Integer>>map(Outcome.Done::new).toList();
        }, request -> request, 1, 10)) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(callers.submit(() -> groups.submit(4)));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(4);
            }
            callers.shutdown();
        }
        assertThat(weights).allSatisfy(weight -> assertThat(weight).isLessThanOrEqualTo(10));
        assertThat(weights.stream().mapToInt(Integer::intValue).sum()).isEqualTo(160);
    }

    @Test
    void afterCloseNoRequestIsTaken() {
        GroupCommit<Integer, Integer> groups = new GroupCommit<>("test",
                requests -> requests.stream().<Outcome<Integer>>map(Outcome.Done::new).toList(), request -> 1, 1, 10);
        groups.close();

        assertThatThrownBy(() -> groups.submit(1)).hasMessageContaining("shutting down");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

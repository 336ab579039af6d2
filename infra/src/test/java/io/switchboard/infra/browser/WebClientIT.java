package io.switchboard.infra.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.FrameMatch;
import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.TestUser;
import io.switchboard.infra.it.Unique;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The web client served by ingress, in two real browsers: Alice's page talks to ingress node 0 and
 * Bob's to node 1, so everything one sees of the other crossed Kafka, the topology and the relay.
 * Each step leaves a screenshot under target/screenshots/.
 */
class WebClientIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(2);

    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).resolve("target");
    private static final int LONG_HISTORY = 70;
    private static final String XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>";

    private static ChatPage alice;
    private static ChatPage bob;

    private String aliceId;
    private String bobId;
    private String step;

    @BeforeAll
    static void openBrowsers() throws IOException {
        assertThat(Chromium.installed())
                .as("%s and %s are needed: apt-get install -y chromium chromium-driver", Chromium.BINARY, Chromium.DRIVER)
                .isTrue();
        alice = ChatPage.open(system.httpBase(0), TARGET, "alice");
        bob = ChatPage.open(system.httpBase(1), TARGET, "bob");
    }

    @AfterAll
    static void closeBrowsers() {
        for (ChatPage page : new ChatPage[] {alice, bob}) {
            if (page != null) {
                page.close();
            }
        }
    }

    /** Fresh users for every test: the harness's Redis is shared, and direct ids derive from members. */
    @BeforeEach
    void signIn(TestInfo test) {
        step = test.getTestMethod().orElseThrow().getName();
        aliceId = Unique.name("alice");
        bobId = Unique.name("bob");
        alice.signIn(aliceId, "Alice");
        bob.signIn(bobId, "Bob");
    }

    /** Whatever a test did, the page must not have thrown: an uncaught error is a broken page. */
    @AfterEach
    void pagesRanWithoutErrors() {
        for (ChatPage page : new ChatPage[] {alice, bob}) {
            assertThat(page.severeConsoleEntries()).noneMatch(entry -> entry.contains("Uncaught"));
        }
    }

    @Test
    void shouldShowAMessageTypedInOneBrowserInTheOther() {
        String conversation = alice.startConversation(List.of(bobId), null);
        alice.send("Hello Bob, this is Alice");
        long seq = alice.awaitMessage("Hello Bob, this is Alice");
        shoot(alice, "1-sent");

        bob.waitUntil(d -> "1".equals(bob.unreadBadge(conversation)));
        shoot(bob, "2-unread");
        bob.openConversation(conversation);

        assertThat(bob.awaitMessage("Hello Bob, this is Alice")).isEqualTo(seq);
        assertThat(bob.text(ChatPage.inRow(seq, ".sender"))).isEqualTo("Alice");
        assertThat(bob.attribute(By.cssSelector("#chat-members .presence-dot[data-user='" + aliceId + "']"),
                "data-status")).isEqualTo("online");
        bob.waitUntil(d -> bob.unreadBadge(conversation).isEmpty());
        shoot(bob, "3-read");
    }

    @Test
    void shouldShowTypingWhileTheOtherWritesAndSeenByOnceRead() {
        String conversation = alice.startConversation(List.of(bobId), null);
        bob.openConversation(conversation);

        alice.type("Are you there");
        bob.waitUntil(d -> d.findElement(By.id("typing")).getText().contains("is typing"));
        assertThat(bob.attribute(By.id("typing"), "data-users")).isEqualTo(aliceId);
        shoot(bob, "1-typing");

        alice.driver().findElement(By.id("send-btn")).click();
        long seq = bob.awaitMessage("Are you there");
        bob.waitUntil(d -> d.findElement(By.id("typing")).getText().isEmpty());

        By receipt = ChatPage.inRow(seq, ".receipt");
        alice.waitUntil(d -> bobId.equals(d.findElement(receipt).getDomAttribute("data-users")));
        assertThat(alice.text(receipt)).startsWith("Seen by");
        shoot(alice, "2-seen");
    }

    @Test
    void shouldKeepTheSessionAndHistoryAcrossAReload() {
        String conversation = alice.startConversation(List.of(bobId), "Reload club");
        for (String text : List.of("one", "two", "three")) {
            alice.send(text);
            alice.awaitMessage(text);
        }
        bob.openConversation(conversation);
        bob.awaitMessage("three");

        bob.reload();
        bob.awaitMessage("three");
        assertThat(bob.text(By.id("me"))).isEqualTo("Bob");
        assertThat(bob.messageTexts()).containsExactly("one", "two", "three");
        shoot(bob, "1-reloaded");

        alice.reload();
        alice.awaitMessage("three");
        assertThat(alice.messageTexts()).containsExactly("one", "two", "three");
        shoot(alice, "2-reloaded");
    }

    @Test
    void shouldShowAnHtmlPayloadAsItsCharacters() {
        String conversation = alice.startConversation(List.of(bobId), null);
        bob.openConversation(conversation);

        alice.send(XSS);
        long seq = alice.awaitMessage(XSS);
        assertThat(bob.awaitMessage(XSS)).isEqualTo(seq);

        for (ChatPage page : new ChatPage[] {alice, bob}) {
            assertThat(page.messageTexts()).containsExactly(XSS);
            assertThat(page.driver().findElements(By.cssSelector("#messages img, #messages script"))).isEmpty();
            assertThatThrownBy(() -> page.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        }
        shoot(bob, "1-as-text");
    }

    @Test
    void shouldShowEditsAndDeletionsToTheOtherMember() {
        String conversation = alice.startConversation(List.of(bobId), null);
        bob.openConversation(conversation);
        alice.send("Lunch at 12?");
        long seq = bob.awaitMessage("Lunch at 12?");

        alice.edit(seq, "Lunch at 13?");
        bob.waitUntil(d -> "Lunch at 13?".equals(d.findElement(ChatPage.inRow(seq, ".text")).getText()));
        assertThat(bob.text(ChatPage.inRow(seq, ".state"))).isEqualTo("edited");
        shoot(bob, "1-edited");

        alice.delete(seq);
        bob.waitUntil(d -> d.findElement(ChatPage.row(seq)).getDomAttribute("class").contains("deleted"));
        assertThat(bob.text(ChatPage.inRow(seq, ".tombstone"))).isEqualTo("This message was deleted");
        assertThat(bob.messageTexts()).containsExactly("");
        alice.waitUntil(d -> d.findElements(ChatPage.inRow(seq, ".edit-btn")).isEmpty());
        shoot(bob, "2-deleted");
    }

    @Test
    void shouldReconnectByItselfAndCatchUpOnWhatWasMissed() {
        String conversation = alice.startConversation(List.of(bobId), null);
        bob.openConversation(conversation);
        alice.send("before the drop");
        bob.awaitMessage("before the drop");

        bob.cutNetwork();
        alice.send("while you were away");
        alice.awaitMessage("while you were away");
        shoot(bob, "1-offline");

        bob.restoreNetwork();
        bob.waitUntil(d -> "online".equals(bob.connectionState()));
        bob.awaitMessage("while you were away");
        assertThat(bob.messageTexts()).containsExactly("before the drop", "while you were away");
        shoot(bob, "2-caught-up");
    }

    @Test
    void shouldScrollBackThroughOlderHistoryPageByPage() throws InterruptedException {
        TestUser carol = system.register("carol");
        String conversation = system.api(0).createConversation(carol.token(), List.of(aliceId), "Long history");
        ChatClient carolClient = system.connect(0, carol);
        for (int i = 1; i <= LONG_HISTORY; i++) {
            carolClient.send(ChatClient.sendFrame(conversation, "h" + i, "history " + i));
            carolClient.await(FrameMatch.ack("h" + i));
            // Stay inside the per-user rate limit (20/s after a burst of 40): this is history, not load.
            Thread.sleep(60);
        }

        // Coming back later: a fresh page holds nothing and loads only the newest page of history.
        alice.reload();
        alice.openConversation(conversation);
        alice.awaitMessage("history " + LONG_HISTORY);
        assertThat(alice.messageTexts()).hasSizeLessThan(LONG_HISTORY).endsWith("history " + LONG_HISTORY);
        shoot(alice, "1-newest-page");

        alice.waitUntil(d -> {
            alice.scrollMessagesToTop();
            return alice.messageTexts().size() == LONG_HISTORY;
        });
        assertThat(alice.messageTexts()).containsExactlyElementsOf(
                IntStream.rangeClosed(1, LONG_HISTORY).mapToObj(i -> "history " + i).toList());
        shoot(alice, "2-scrolled-back");
    }

    @Test
    void shouldShowRepliesAsAThreadUnderTheirParent() {
        String conversation = alice.startConversation(List.of(bobId), null);
        bob.openConversation(conversation);
        alice.send("Which release?");
        long parent = bob.awaitMessage("Which release?");

        bob.replyInThread(parent, "The one on Friday");
        bob.awaitThreadReply("The one on Friday");
        alice.waitUntil(d -> "1 reply".equals(d.findElement(ChatPage.inRow(parent, ".thread-btn")).getText()));
        assertThat(alice.messageTexts()).as("a reply stays in its thread").containsExactly("Which release?");
        alice.driver().findElement(ChatPage.inRow(parent, ".thread-btn")).click();
        alice.awaitThreadReply("The one on Friday");
        shoot(alice, "1-thread");
    }

    @Test
    void shouldToggleReactionsWithClickableChips() {
        String conversation = alice.startConversation(List.of(bobId), null);
        bob.openConversation(conversation);
        alice.send("Ship it?");
        long seq = bob.awaitMessage("Ship it?");

        bob.react(seq, "👍");
        By chip = ChatPage.inRow(seq, ".reaction[data-emoji='👍']");
        alice.waitUntil(d -> "👍 1".equals(d.findElement(chip).getText()));
        alice.react(seq, "👍");
        bob.waitUntil(d -> "👍 2".equals(d.findElement(chip).getText()));
        alice.waitUntil(d -> "true".equals(d.findElement(chip).getDomAttribute("aria-pressed")));
        shoot(alice, "1-two-reactions");

        alice.react(seq, "👍");
        bob.waitUntil(d -> "👍 1".equals(d.findElement(chip).getText()));
        shoot(bob, "2-one-taken-back");
    }

    @Test
    void shouldHighlightAMentionOfTheReader() {
        String conversation = alice.startConversation(List.of(bobId), "Mentions");
        bob.openConversation(conversation);

        alice.send("@" + bobId + " please review");
        long seq = bob.awaitMessage("@" + bobId + " please review");

        assertThat(bob.attribute(ChatPage.inRow(seq, "mark.mention"), "data-user")).isEqualTo(bobId);
        assertThat(bob.attribute(ChatPage.row(seq), "class")).contains("mentions-me");
        shoot(bob, "1-mentioned");
    }

    @Test
    void shouldFindMessagesWithTheSearchBoxAndOpenTheirConversation() {
        String conversation = alice.startConversation(List.of(bobId), "Searchable");
        alice.send("the quarterly report is ready");
        alice.send("nothing to see");
        alice.awaitMessage("nothing to see");
        bob.reload();

        bob.waitUntil(d -> {
            bob.search("report quarterly");
            return d.findElements(By.cssSelector("#search-results .search-hit")).size() == 1;
        });
        assertThat(bob.text(By.cssSelector("#search-results .search-hit .text"))).isEqualTo("the quarterly report is ready");
        shoot(bob, "1-results");
        bob.driver().findElement(By.cssSelector("#search-results .search-hit")).click();
        bob.waitUntil(d -> !d.findElements(By.cssSelector(".conversation.active[data-id='" + conversation + "']"))
                .isEmpty());
        bob.awaitMessage("the quarterly report is ready");
        shoot(bob, "2-opened");
    }

    @Test
    void shouldLeaveAGroupWithTheLeaveButton() {
        String conversation = alice.startConversation(List.of(bobId), "Leaving soon");
        bob.openConversation(conversation);

        bob.leaveOpenConversation();

        bob.waitUntil(d -> d.findElements(ChatPage.conversationSelector(conversation)).isEmpty());
        alice.waitUntil(d -> d.findElements(By.cssSelector("#chat-members .member[data-user='" + bobId + "']"))
                .isEmpty());
        shoot(bob, "1-left");
        shoot(alice, "2-without-bob");
        bob.reload();
        assertThat(bob.driver().findElements(ChatPage.conversationSelector(conversation))).isEmpty();
    }

    private void shoot(ChatPage page, String name) {
        page.screenshot(step + "-" + name);
    }
}

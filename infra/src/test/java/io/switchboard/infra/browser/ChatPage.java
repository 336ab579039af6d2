package io.switchboard.infra.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One user's browser on the chat page, driven the way a person would: through the form fields,
 * buttons and keys the page shows, located by the page's ids, classes and data attributes.
 */
final class ChatPage implements AutoCloseable {
    /** Generous: two browsers, a broker and Kafka Streams share two cores. */
    static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * Installed before the page's own scripts on every load (CDP, so the page's CSP does not apply):
     * keeps the page's WebSockets reachable and lets a test cut the network to /ws, the way a flaky
     * link or a restarting node would, while the page itself stays unchanged.
     */
    private static final String SOCKET_FAULTS = """
            (() => {
              const Native = window.WebSocket;
              window.__sbSockets = [];
              window.__sbNetworkDown = false;
              window.WebSocket = class extends Native {
                constructor(url, protocols) {
                  // While "down", dial a path that does not exist: the handshake fails like a dead link.
                  super(window.__sbNetworkDown ? String(url).replace(/\\/ws$/, '/ws-unreachable') : url, protocols);
                  window.__sbSockets.push(this);
                }
              };
            })();
            """;

    private final ChromeDriver driver;
    private final URI base;
    private final Path screenshots;
    private final String name;

    private ChatPage(ChromeDriver driver, URI base, Path screenshots, String name) {
        this.driver = driver;
        this.base = base;
        this.screenshots = screenshots;
        this.name = name;
    }

    static ChatPage open(URI base, Path targetDir, String name) throws IOException {
        ChromeDriver driver = Chromium.start(targetDir.resolve("chromium-profiles"), name);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SOCKET_FAULTS));
        ChatPage page = new ChatPage(driver, base, targetDir.resolve("screenshots"), name);
        driver.get(base.toString());
        return page;
    }

    /** Starts from a signed-out page: a fresh sessionStorage, no conversation open. */
    void signIn(String userId, String displayName) {
        driver.get(base.toString());
        driver.executeScript("sessionStorage.clear();");
        driver.get(base.toString());
        WebElement user = waitVisible(By.id("login-user"));
        user.clear();
        user.sendKeys(userId);
        WebElement displayNameField = driver.findElement(By.id("login-name"));
        displayNameField.clear();
        displayNameField.sendKeys(displayName);
        driver.findElement(By.id("login-btn")).click();
        waitVisible(By.id("app-view"));
        waitUntil(d -> "online".equals(connectionState()));
    }

    /** Starts a conversation from the sidebar form and waits until it is the open one; returns its id. */
    String startConversation(List<String> members, String title) {
        driver.findElement(By.id("new-members")).sendKeys(String.join(", ", members));
        if (title != null) {
            driver.findElement(By.id("new-title")).sendKeys(title);
        }
        driver.findElement(By.id("new-btn")).click();
        waitUntil(d -> !d.findElements(By.cssSelector(".conversation.active")).isEmpty());
        return driver.findElement(By.cssSelector(".conversation.active")).getDomAttribute("data-id");
    }

    WebElement conversationItem(String conversationId) {
        return waitVisible(conversationSelector(conversationId));
    }

    void openConversation(String conversationId) {
        conversationItem(conversationId).click();
        waitUntil(d -> !d.findElements(By.cssSelector(".conversation.active[data-id='" + conversationId + "']"))
                .isEmpty());
    }

    /** Types into the composer without sending, as someone still writing. */
    void type(String text) {
        WebElement composer = driver.findElement(By.id("composer"));
        composer.click();
        composer.sendKeys(text);
    }

    void send(String text) {
        type(text);
        driver.findElement(By.id("send-btn")).click();
    }


    /** Waits for a delivered (not pending) message with exactly this text; returns its seq. */
    long awaitMessage(String text) {
        String seq = new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#message-list .message")).stream()
                        .filter(m -> text.equals(m.findElement(By.className("text")).getText()))
                        .map(m -> m.getDomAttribute("data-seq"))
                        .findFirst()
                        .orElse(null));
        return Long.parseLong(seq);
    }

    /** The text of every delivered message in order, read in one go (an empty string for a deleted one). */
    @SuppressWarnings("unchecked")
    List<String> messageTexts() {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('#message-list .message .text')].map(t => t.textContent);");
    }

    static By row(long seq) {
        return By.cssSelector("#message-list .message[data-seq='" + seq + "']");
    }

    static By inRow(long seq, String cssWithinRow) {
        return By.cssSelector("#message-list .message[data-seq='" + seq + "'] " + cssWithinRow);
    }

    /** The visible text of the first element matching, once it exists. */
    String text(By by) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(by).getText());
    }

    void edit(long seq, String newText) {
        waitVisible(inRow(seq, ".edit-btn")).click();
        WebElement composer = driver.findElement(By.id("composer"));
        composer.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        composer.sendKeys(newText);
        driver.findElement(By.id("send-btn")).click();
    }

    void delete(long seq) {
        waitVisible(inRow(seq, ".delete-btn")).click();
    }

    /** Opens the thread of the message at seq and sends a reply there. */
    void replyInThread(long seq, String text) {
        waitVisible(inRow(seq, ".thread-btn")).click();
        waitVisible(By.id("thread"));
        WebElement input = driver.findElement(By.id("thread-input"));
        input.click();
        input.sendKeys(text);
        driver.findElement(By.id("thread-send")).click();
    }

    /** Waits for a delivered reply with exactly this text in the open thread. */
    void awaitThreadReply(String text) {
        waitUntil(d -> d.findElements(By.cssSelector("#thread-list .message .text")).stream()
                .anyMatch(t -> text.equals(t.getText())));
    }

    /** Clicks the chip of emoji on the message at seq (the quick-reaction button when there is none yet). */
    void react(long seq, String emoji) {
        List<WebElement> chips = driver.findElements(inRow(seq, ".reaction[data-emoji='" + emoji + "']"));
        (chips.isEmpty() ? waitVisible(inRow(seq, ".react-btn")) : chips.getFirst()).click();
    }

    void search(String query) {
        WebElement input = driver.findElement(By.id("search-input"));
        input.clear();
        input.sendKeys(query);
        driver.findElement(By.id("search-btn")).click();
        waitVisible(By.id("search-box"));
    }

    void leaveOpenConversation() {
        waitVisible(By.id("leave-btn")).click();
    }

    /** Drops the page's WebSocket and keeps it from reconnecting until {@link #restoreNetwork()}. */
    void cutNetwork() {
        driver.executeScript("window.__sbNetworkDown = true; window.__sbSockets.forEach(s => s.close());");
        waitUntil(d -> !"online".equals(connectionState()));
    }

    void restoreNetwork() {
        driver.executeScript("window.__sbNetworkDown = false;");
    }

    /** connecting, online or offline, as the page shows it. */
    String connectionState() {
        return driver.findElement(By.id("conn")).getDomAttribute("data-state");
    }

    /** What a user does to see older messages: scroll the message list to its top. */
    void scrollMessagesToTop() {
        driver.executeScript("document.getElementById('messages').scrollTop = 0;");
    }

    void reload() {
        driver.navigate().refresh();
        waitVisible(By.id("app-view"));
    }

    WebElement waitVisible(By by) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** The page re-renders rows and list items as frames arrive, so a found element may go stale. */
    void waitUntil(ExpectedCondition<Boolean> condition) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** An attribute of the first element matching, once that element exists. */
    String attribute(By by, String name) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(by).getDomAttribute(name));
    }

    /** The unread badge of a conversation in the sidebar, "" while it is hidden. */
    String unreadBadge(String conversationId) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(conversationSelector(conversationId)).findElement(By.className("unread")))
                .getText();
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves what this user sees now as target/screenshots/<step>-<user>.png. */
    void screenshot(String step) {
        try {
            Files.createDirectories(screenshots);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            String file = step + "-" + name + ".png";
            Files.move(shot, screenshots.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not save a screenshot of " + step, e);
        }
    }

    /** Uncaught exceptions and other SEVERE console entries since the last call. */
    List<String> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    static By conversationSelector(String conversationId) {
        return By.cssSelector(".conversation[data-id='" + conversationId + "']");
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package org.dataembassy.portal.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.dataembassy.portal.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The test suite's {@link Browser} (headless Debian Chromium) with every page, login and step timed and recorded,
 * and a step that fails turned into a {@link StepFailure} that says which step, what the page showed, and where
 * its screenshot is.
 */
public final class SoakBrowser implements AutoCloseable {

    private static final AtomicInteger SCREENSHOTS = new AtomicInteger();
    private static final int MAX_SCREENSHOTS = 40;

    /** Each grid row's cells (the light-DOM content Vaadin slots into each cell), rows in display order. */
    private static final String ROWS = """
            const grid = document.getElementById(arguments[0]);
            if (!grid || !grid.shadowRoot) { return []; }
            const rows = [];
            for (const tr of grid.shadowRoot.querySelectorAll('tbody#items > tr')) {
              if (tr.hidden) { continue; }
              const cells = [];
              for (const td of tr.querySelectorAll(':scope > td')) {
                const slot = td.querySelector('slot');
                const content = slot ? slot.assignedElements()[0] : null;
                cells.push(content || null);
              }
              if (cells.some(c => c !== null)) { rows.push(cells); }
            }
            return rows;
            """;

    private final Browser browser;
    private final Recorder recorder;
    private final Path screenshots;
    private final String worker;

    public SoakBrowser(String baseUrl, Recorder recorder, Path screenshots, String worker) {
        this.browser = new Browser(baseUrl);
        this.recorder = recorder;
        this.screenshots = screenshots;
        this.worker = worker;
    }

    public Browser raw() {
        return browser;
    }

    public WebDriver driver() {
        return browser.driver();
    }

    /** Signs in through the login form until the navigation shows; anything else is a login failure. */
    public void login(String user) {
        long start = recorder.nowMillis();
        try {
            browser.login(user, ApiClient.PASSWORD);
            String url = driver().getCurrentUrl();
            if (url.contains("/login")) {
                throw new IllegalStateException("still on " + url);
            }
            browser.await(By.id("main-nav"));
            failOnErrorViews();
            recorder.call("login", start, Recorder.Kind.OK);
        } catch (RuntimeException e) {
            recorder.call("login", start, Recorder.Kind.LOGIN_FAILURE);
            throw failure(Recorder.Kind.LOGIN_FAILURE, "login " + user, e);
        }
    }

    public void logout() {
        step("logout", () -> browser.logout());
    }

    /** Opens a route and waits until the element {@code markerId} shows; recorded as {@code page:<name>}. */
    public void page(String name, String route, String markerId) {
        long start = recorder.nowMillis();
        try {
            browser.open(route);
            browser.await(By.id(markerId));
            failOnErrorViews();
            recorder.call("page:" + name, start, Recorder.Kind.OK);
        } catch (RuntimeException e) {
            recorder.call("page:" + name, start, Recorder.Kind.STEP_FAILURE);
            throw failure(Recorder.Kind.STEP_FAILURE, "page " + name, e);
        }
    }

    /** An action timed and recorded as {@code action:<name>} (for the latency tables). */
    public <T> T action(String name, Callable<T> body) {
        long start = recorder.nowMillis();
        T result = step(name, body);
        recorder.call("action:" + name, start, Recorder.Kind.OK);
        return result;
    }

    public void action(String name, Runnable body) {
        action(name, () -> {
            body.run();
            return null;
        });
    }

    public <T> T step(String name, Callable<T> body) {
        try {
            return body.call();
        } catch (StepFailure e) {
            throw e;
        } catch (Exception e) {
            throw failure(Recorder.Kind.STEP_FAILURE, name, e);
        }
    }

    public void step(String name, Runnable body) {
        step(name, () -> {
            body.run();
            return null;
        });
    }

    /** Waits up to {@code timeout}; Vaadin's system error or an error view ends the wait at once. */
    public void until(String what, Duration timeout, Function<WebDriver, Boolean> condition) {
        WebDriverWait wait = new WebDriverWait(driver(), timeout, Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
        step(what, () -> wait.until(d -> {
            failOnErrorViews();
            return condition.apply(d);
        }));
    }

    String text(String id) {
        return browser.await(By.id(id)).getText();
    }

    /** The visible rows of the Vaadin grid {@code gridId}, each a list of its cells (null for an empty cell). */
    @SuppressWarnings("unchecked")
    public List<List<WebElement>> rows(String gridId) {
        Object rows = ((JavascriptExecutor) driver()).executeScript(ROWS, gridId);
        return rows == null ? List.of() : (List<List<WebElement>>) rows;
    }

    /** Waits until the grid has loaded its items (Vaadin's {@code loading} attribute gone, every row there). */
    List<List<WebElement>> loadedRows(String gridId) {
        until("grid " + gridId + " loaded", Duration.ofSeconds(20), d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("const g = document.getElementById(arguments[0]); return !!g && !g.hasAttribute('loading')"
                        + " && g.size !== undefined", gridId)));
        return rows(gridId);
    }

    public static String cellText(List<WebElement> row, int column) {
        WebElement cell = column < row.size() ? row.get(column) : null;
        return cell == null ? "" : cell.getText().trim();
    }

    private void failOnErrorViews() {
        for (String selector : List.of(".v-system-error", "#portal-unavailable", "#portal-unavailable-notice")) {
            List<WebElement> shown = driver().findElements(By.cssSelector(selector));
            if (!shown.isEmpty()) {
                throw new StepFailure(Recorder.Kind.STEP_FAILURE, "page", "the portal shows " + selector + ": "
                        + shown.get(0).getText().replaceAll("\\s+", " "), null);
            }
        }
    }

    private StepFailure failure(Recorder.Kind kind, String step, Throwable e) {
        String shot = screenshot(worker + "-" + step);
        String url;
        try {
            url = driver().getCurrentUrl();
        } catch (RuntimeException ignored) {
            url = "?";
        }
        String page;
        try {
            page = driver().findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
            page = page.length() > 200 ? page.substring(0, 200) + "…" : page;
        } catch (RuntimeException ignored) {
            page = "?";
        }
        String message = (e instanceof StepFailure f ? f.getMessage() : e.getClass().getSimpleName() + ": "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse("")) + " (at " + url
                + (shot.isEmpty() ? "" : ", screenshot " + shot) + ", page: " + page + ")";
        return new StepFailure(e instanceof StepFailure f ? f.kind() : kind, step, message, e);
    }

    String screenshot(String name) {
        if (SCREENSHOTS.incrementAndGet() > MAX_SCREENSHOTS) {
            return "";
        }
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(String.format("%03d-%s.png", SCREENSHOTS.get(), name.replaceAll("\\W+", "_")));
            Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
            return file.getFileName().toString();
        } catch (Exception e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            browser.close();
        } catch (RuntimeException e) {
            System.err.println("[soak] closing a browser failed: " + e);
        }
    }
}

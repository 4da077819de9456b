package org.dataembassy.portal.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by the Debian chromedriver; never lets Selenium download a browser.
 * Override the paths with CHROMIUM_BIN and CHROMEDRIVER_BIN.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    public Browser(String baseUrl) {
        String chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("Debian chromium and chromium-driver are required: run 'make tools'");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.baseUrl = baseUrl;
        // Vaadin re-renders views (e.g. after an action): an element found a moment ago may be replaced while it is
        // read. Waiting treats that like "not there yet" and looks again.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String route) {
        driver.get(baseUrl + "/" + route);
    }

    /** Signs in through the real login form; waits until the page has left /login (or shows the error). */
    public void login(String username, String password) {
        open("login");
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState"))
                && Boolean.TRUE.equals(driver.executeScript(
                        "return !!customElements.get('vaadin-login-form') && !!document.querySelector('#vaadinLoginUsername input')")));
        WebElement user = await(By.cssSelector("#vaadinLoginUsername input"));
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.cssSelector("#vaadinLoginPassword input"));
        pass.sendKeys(password);
        // Under load the login form can reset its fields while it starts up, swallowing the keystrokes: type again.
        wait.until(d -> {
            boolean userTyped = username.equals(user.getDomProperty("value"));
            boolean passTyped = password.equals(pass.getDomProperty("value"));
            if (!userTyped) {
                user.clear();
                user.sendKeys(username);
            }
            if (!passTyped) {
                pass.clear();
                pass.sendKeys(password);
            }
            return userTyped && passTyped;
        });
        pass.sendKeys(Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().endsWith("/login") || d.getCurrentUrl().contains("error"));
    }

    /**
     * Signs in and waits for the portal's navigation; fails with the page's address and text when it never comes.
     * (A login form that came back empty after a sign-in was the login page reloading itself over the redirect, in
     * the race LoginView's Javadoc describes; signed-in visitors of /login are now forwarded home.)
     */
    public void signIn(String username, String password) {
        login(username, password);
        try {
            await(By.id("main-nav"));
        } catch (TimeoutException e) {
            throw new AssertionError("not signed in as " + username + " at " + driver.getCurrentUrl() + ": "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Signs out through the header button and waits for the login page. */
    public void logout() {
        click("logout");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        await(By.cssSelector("#vaadinLoginUsername input"));
    }

    public WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public boolean awaitText(String text) {
        return wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    public void waitUntil(Function<WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public void type(String fieldId, String value) {
        WebElement input = await(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
        input.clear();
        input.sendKeys(value);
    }

    public void choose(String selectId, String itemText) {
        await(By.id(selectId)).click();
        // A select shows its current value as a copy of the item (id "value-…"); only the list's items are clickable.
        // A long list (many agreements in the shared test portal) puts the item below the fold: bring it into view
        // first, as a person scrolls the overlay, or the click lands on the page behind it.
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> !String.valueOf(e.getDomAttribute("id")).startsWith("value-"))
                .filter(e -> e.getText().trim().equals(itemText)).findFirst().orElse(null));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
        item.click();
    }

    /**
     * Clicks the element with this id once it is visible. A grid or list that refreshes (polling) may replace the
     * element between finding and clicking it: the stale element is looked up again, within the wait.
     */
    public void click(String id) {
        wait.until(d -> {
            WebElement element = d.findElement(By.id(id));
            if (!element.isDisplayed()) {
                return false;
            }
            try {
                element.click();
            } catch (ElementClickInterceptedException e) {
                // e.g. a link in a grid column scrolled out of view: bring it to the middle, as a person would, and retry
                ((JavascriptExecutor) driver).executeScript(
                        "arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
                element.click();
            }
            return true;
        });
    }

    /** Clicks an element after bringing it to the middle of the window, as a person scrolls to what they click. */
    public void clickInView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        element.click();
    }

    public String errorOf(String fieldId) {
        return wait.until(d -> {
            WebElement field = d.findElement(By.id(fieldId));
            return field.getDomAttribute("invalid") != null ? field.getDomProperty("errorMessage") : null;
        });
    }

    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (Exception ignored) {
            // a missing screenshot must not hide the real failure
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

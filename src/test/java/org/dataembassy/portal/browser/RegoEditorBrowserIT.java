package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dataembassy.portal.browser.support.RegoEditorTestView;
import org.dataembassy.portal.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The Rego editor in real Chromium on a test-only page whose stand-in validator flags the word "oops": typing,
 * highlighting, problems as lint diagnostics that come and go with the text, undo, Ctrl-S, read-only.
 */
class RegoEditorBrowserIT extends BrowserTest {

    private static final String POLICY = "package example\n\nallow if {\ninput.user == \"lola\"\n}";

    private WebElement editor;

    @BeforeEach
    void openEditor() {
        browser.login("lola", PASSWORD);
        browser.open("test/rego-editor");
        editor = browser.await(By.cssSelector("rego-editor[ready]"));
        content().click();
    }

    @Test
    void highlightsShowsProblemsWhereTheValidatorSaysAndSaves() {
        content().sendKeys(POLICY); // the caret is at the end already
        browser.waitUntil(d -> POLICY.equals(value()));
        assertThat(texts(".cm-line .tok-keyword")).contains("package", "if");
        assertThat(texts(".cm-line .tok-string")).contains("\"lola\"");
        assertThat(texts(".cm-line .tok-operator")).contains("==");
        browser.awaitText("last " + POLICY.length() + " chars, value " + POLICY.length() + " chars");

        withControl(Keys.HOME);
        type(Keys.DOWN, Keys.DOWN, Keys.END, " oops");
        WebElement marked = awaitShadow(".cm-line:nth-child(3) .cm-lintRange-error");
        assertThat(marked.getText()).isEqualTo("oops");
        assertThat(line(3)).as("the server's answer did not move the cursor").isEqualTo("allow if { oops");
        assertThat(gutterMarkerLines()).containsExactly(3);
        new Actions(browser.driver()).moveToElement(marked).perform();
        assertThat(awaitShadow(".cm-tooltip-lint").getText()).contains(RegoEditorTestView.MESSAGE);

        type(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
        browser.waitUntil(d -> shadow().findElements(By.cssSelector(".cm-lintRange-error, .cm-lint-marker-error"))
                .isEmpty());
        assertThat(line(3)).isEqualTo("allow if {");

        withControl("z");
        browser.waitUntil(d -> line(3).equals("allow if { oops"));

        withControl("s");
        browser.awaitText("saved " + value().length() + " chars");
    }

    @Test
    void readOnlyRefusesTyping() {
        type("package before");
        browser.waitUntil(d -> "package before".equals(value()));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].readonly = true", editor);

        type(" after");
        withControl("s");

        assertThat(value()).isEqualTo("package before");
        assertThat(line(1)).isEqualTo("package before");
        assertThat(browser.driver().findElement(By.id("saved")).getText()).isEmpty();
    }

    /**
     * Types into whatever has the focus. (WebElement.sendKeys would first put the caret at the end of the text:
     * chromedriver sees the shadow host, not the editor, as the active element.)
     */
    private void type(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private void withControl(CharSequence key) {
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(key).keyUp(Keys.CONTROL).perform();
    }

    private SearchContext shadow() {
        return editor.getShadowRoot();
    }

    private WebElement content() {
        return shadow().findElement(By.cssSelector(".cm-content"));
    }

    private WebElement awaitShadow(String css) {
        browser.waitUntil(d -> !shadow().findElements(By.cssSelector(css)).isEmpty());
        return shadow().findElement(By.cssSelector(css));
    }

    private String value() {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].value", editor));
    }

    private String line(int number) {
        return shadow().findElements(By.cssSelector(".cm-content .cm-line")).get(number - 1).getText();
    }

    private List<String> texts(String css) {
        return shadow().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** Line numbers beside the lint gutter's error markers, matched by their vertical position. */
    private List<Integer> gutterMarkerLines() {
        List<WebElement> numbers = shadow().findElements(By.cssSelector(".cm-lineNumbers .cm-gutterElement"));
        return shadow().findElements(By.cssSelector(".cm-gutter-lint .cm-gutterElement")).stream()
                .filter(element -> !element.findElements(By.cssSelector(".cm-lint-marker-error")).isEmpty())
                .map(element -> numbers.stream().filter(n -> n.getRect().getY() == element.getRect().getY())
                        .map(n -> Integer.parseInt(n.getText().trim())).findFirst().orElse(-1))
                .toList();
    }
}

package org.dataembassy.portal.soak;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "My tasks" as a person works it: find a row of the wanted task whose Open button is enabled and open it. The list
 * is offered to the role, so a journey takes care of every open task of its kind it finds (they are all the soak's).
 */
public final class Tasks {

    private Tasks() {
    }

    /** Whether "My tasks" lists a task named {@code taskName} (reloads the list; for polling waits). */
    public static boolean has(SoakBrowser browser, String taskName) {
        browser.page("tasks", "tasks", "tasks");
        return browser.loadedRows("tasks").stream().anyMatch(row -> taskName.equals(SoakBrowser.cellText(row, 0)));
    }

    /** Opens the first openable task named {@code taskName}; false when there is none. */
    public static boolean openFirst(SoakBrowser browser, String taskName) {
        browser.page("tasks", "tasks", "tasks");
        List<List<WebElement>> rows = browser.loadedRows("tasks");
        for (List<WebElement> row : rows) {
            if (!taskName.equals(SoakBrowser.cellText(row, 0))) {
                continue;
            }
            WebElement actions = row.get(row.size() - 1);
            List<WebElement> open = actions == null ? List.of() : actions.findElements(By.cssSelector(".open-task"));
            if (!open.isEmpty() && open.get(0).getDomAttribute("disabled") == null) {
                browser.step("open task " + taskName, () -> open.get(0).click());
                return true;
            }
        }
        return false;
    }
}
